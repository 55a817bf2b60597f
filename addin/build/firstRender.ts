// `npx tsx addin/build/firstRender.ts [dist/addin] [--runs=9] [--cpu=4]`: how soon an officer can use the pane.
// Serves the built add-in on 127.0.0.1 (gzipped, as a web host serves it), opens preview.html in Debian's Chromium
// with an empty cache each run, and reports the time from navigation to the pane's first usable element (the
// connect form's "Kết nối" button, which a first-time officer sees) and to first paint, with the bytes transferred.
// --cpu slows the CPU down N times (Chromium's own throttling) to stand in for an office PC.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { createGzip, constants } from "node:zlib";
import { launchChromium } from "../../test/support/chromium";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const root = resolve(args.find((arg) => !arg.startsWith("--")) ?? "dist/addin");
const runs = option("runs", 9);
const cpuSlowdown = option("cpu", 1);

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".json": "application/json" };
const COMPRESSED = new Set([".html", ".js", ".css", ".json"]);

function serve(directory: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = normalize(join(directory, decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname)));
    const info = path.startsWith(directory) ? await stat(path).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    const type = extname(path);
    const gzip = COMPRESSED.has(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(200, { "content-type": TYPES[type] ?? "application/octet-stream", "cache-control": "no-store", ...(gzip ? { "content-encoding": "gzip" } : {}) });
    const file = createReadStream(path);
    (gzip ? file.pipe(createGzip({ level: constants.Z_BEST_COMPRESSION })) : file).pipe(response);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

/**
 * Runs in the page before any script: notes when the connect button first exists, from navigation start. A string,
 * not a function, because tsx would wrap a function's inner functions in a helper the page does not have.
 */
const WATCH_FOR_PANE = `
  const paneReady = () => [...document.querySelectorAll(".kpi-pane button")].some((button) => button.textContent.trim() === "Kết nối");
  const observer = new MutationObserver(() => {
    if (!paneReady()) return;
    window.paneReadyAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
`;

interface Run {
  paneReady: number;
  firstPaint: number;
  transferred: number;
  decoded: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value).toLocaleString("vi-VN")} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} KB`;

const server = await serve(root);
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
const results: Run[] = [];
try {
  for (let index = 0; index < runs; index += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    await page.addInitScript({ content: WATCH_FOR_PANE });
    await page.goto(`${origin}/preview.html`);
    await page.waitForFunction("window.paneReadyAt !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0");
    results.push(
      await page.evaluate(() => {
        const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")] as PerformanceResourceTiming[];
        const paint = performance.getEntriesByName("first-contentful-paint")[0]!;
        return {
          paneReady: (window as unknown as { paneReadyAt: number }).paneReadyAt,
          firstPaint: paint.startTime,
          transferred: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
          decoded: entries.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        };
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const paneTimes = results.map((run) => run.paneReady);
console.log(`Khung KPI (preview.html) trong Chromium, ${runs} lần, bộ đệm trống${cpuSlowdown > 1 ? `, CPU chậm ${cpuSlowdown} lần` : ""}:`);
console.log(`  nút "Kết nối" xuất hiện sau: trung vị ${ms(median(paneTimes))} (nhanh nhất ${ms(Math.min(...paneTimes))}, chậm nhất ${ms(Math.max(...paneTimes))})`);
console.log(`  lần vẽ nội dung đầu tiên: trung vị ${ms(median(results.map((run) => run.firstPaint)))}`);
console.log(`  đã tải: ${kb(median(results.map((run) => run.transferred)))} qua mạng (nén gzip), ${kb(median(results.map((run) => run.decoded)))} sau giải nén`);
