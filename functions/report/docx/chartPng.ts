import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { CHART_FONT_FAMILY, type ChartDrawing } from "./chartSvg";

/**
 * SVG to PNG with resvg compiled to WebAssembly: no browser, no native module, nothing fetched at run time. The wasm
 * and the fonts come from installed packages (@resvg/resvg-wasm, dejavu-fonts-ttf) and are loaded once per process;
 * system fonts are never consulted, so a chart looks the same on every host.
 */

const require = createRequire(import.meta.url);
const FONT_FILES = ["dejavu-fonts-ttf/ttf/DejaVuSerifCondensed.ttf", "dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Italic.ttf"];
/** 1000 drawing units → 2000 pixels: about 300 dpi on a picture 160 mm wide, sharp in print, light in the file. */
const ZOOM = 2;

let wasmReady: Promise<void> | undefined;
let fontsReady: Promise<Uint8Array[]> | undefined;

/** Started once per process; a failed start is not kept, so the next report tries again. */
function once<T>(start: () => Promise<T>, keep: (promise: Promise<T> | undefined) => void): Promise<T> {
  const promise = start();
  keep(promise);
  promise.catch(() => keep(undefined));
  return promise;
}

async function fonts(): Promise<Uint8Array[]> {
  wasmReady ??= once(async () => initWasm(await readFile(require.resolve("@resvg/resvg-wasm/index_bg.wasm"))), (kept) => (wasmReady = kept));
  fontsReady ??= once(
    () => Promise.all(FONT_FILES.map(async (file) => new Uint8Array(await readFile(require.resolve(file))))),
    (kept) => (fontsReady = kept),
  );
  await wasmReady;
  return fontsReady;
}

export async function chartPng(drawing: ChartDrawing): Promise<Uint8Array> {
  const fontBuffers = await fonts();
  const resvg = new Resvg(drawing.svg, {
    font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, serifFamily: CHART_FONT_FAMILY },
    fitTo: { mode: "zoom", value: ZOOM },
    background: "#FFFFFF",
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
