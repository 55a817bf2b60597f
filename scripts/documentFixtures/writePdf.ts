import type { DocumentSpec } from "./spec";
export async function writePdf(_spec: DocumentSpec): Promise<Uint8Array> {
  return new Uint8Array();
}
export async function writeScannedPdf(): Promise<Uint8Array> {
  return new Uint8Array();
}
