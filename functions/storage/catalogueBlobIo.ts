import type { ContainerClient } from "@azure/storage-blob";
import { readAll } from "./blobClient";

const JSON_HEADERS = { blobHTTPHeaders: { blobContentType: "application/json" } };

/**
 * Saves one catalogue piece as its next version: the history copy first, so a version that became current always has
 * its copy (a lost race leaves a spare one), then the current blob only if nobody replaced it since it was read —
 * `etag` undefined means it must not exist yet. Throws the storage error of a lost race; returns the new ETag.
 */
export async function writeVersioned(container: ContainerClient, currentName: string, historyName: string, body: string, etag: string | undefined): Promise<string | undefined> {
  await container.getBlockBlobClient(historyName).upload(body, Buffer.byteLength(body), JSON_HEADERS);
  const written = await container.getBlockBlobClient(currentName).upload(body, Buffer.byteLength(body), {
    ...JSON_HEADERS,
    conditions: etag ? { ifMatch: etag } : { ifNoneMatch: "*" },
  });
  return written.etag;
}

/** A blob's JSON and the ETag of exactly the bytes read; the caller validates the JSON. */
export async function readJsonBlob(container: ContainerClient, name: string): Promise<{ json: unknown; etag: string | undefined }> {
  const download = await container.getBlockBlobClient(name).download();
  const text = (await readAll(download.readableStreamBody)).toString("utf8");
  try {
    return { json: JSON.parse(text), etag: download.etag };
  } catch (error) {
    throw new Error(`Catalogue blob ${name} is not JSON: ${(error as Error).message}`);
  }
}
