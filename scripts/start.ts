import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { startAddinServer } from "../addin/server/addinServer";
import { ensureDevCertificates } from "../addin/server/devCertificates";
import { ROUTES } from "../functions/http/routes";
import { createServices } from "../functions/services/services";
import { settingsSchema } from "../functions/services/settings";
import { startAzurite } from "../functions/local/azurite";
import { DEMO_DECISION, loadDemoIfEmpty } from "../functions/local/demoData";
import { ensureDemoKeys } from "../functions/local/demoKeys";
import { startLocalHost } from "../functions/local/localHost";

/**
 * `npm start`: the whole system on this machine — Azurite with its data under .data/, the functions on
 * 127.0.0.1:7071, the add-in built and served over HTTPS on 127.0.0.1:3000 (the manifests point at
 * https://localhost:3000) — loaded with the demo catalogue on first run. Ctrl-C stops everything, Azurite last so
 * it flushes. It composes the functions' local pieces (functions/local/) with the add-in's dev server, which is why
 * it lives here: functions/ never imports the add-in.
 */

const root = resolve(fileURLToPath(import.meta.url), "../..");
const dataDir = resolve(root, ".data");
const port = Number(process.env.KPI_PORT ?? 7071);
const addinPort = Number(process.env.KPI_ADDIN_PORT ?? 3000);

const stops: Array<() => Promise<void>> = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nĐang dừng hệ thống…");
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(String(error)));
    console.log("Đã dừng. Dữ liệu được giữ trong .data/.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

try {
  console.log("Khởi động kho lưu trữ Azurite (dữ liệu trong .data/azurite)…");
  const azurite = await startAzurite({ location: resolve(dataDir, "azurite") });
  stops.push(() => azurite.stop());
  const services = await createServices(settingsSchema.parse({ connection: azurite.connection }));
  if (await loadDemoIfEmpty(services)) console.log("Lần chạy đầu: đã nạp danh mục mẫu (Phú Thọ 2025, Huế 2025, Vĩnh Phúc 2022) và 5 xã, phường mẫu.");
  const keys = await ensureDemoKeys(services, resolve(dataDir, "demo-keys.json"));
  const host = await startLocalHost({
    routes: ROUTES,
    services: async () => services,
    port,
    corsOrigins: ["https://localhost:3000"],
    log: process.env.KPI_LOG === "quiet" ? undefined : (line) => console.log(line),
  });
  stops.push(() => host.close());
  const origin = host.url;
  const api = `${origin}/api`;

  console.log("Đang build add-in (dist/addin)…");
  await promisify(execFile)(process.execPath, [resolve(root, "addin/build/build.mjs")], { cwd: root });
  const certificates = await ensureDevCertificates();
  const addin = await startAddinServer({ root: resolve(root, "dist/addin"), port: addinPort, tls: certificates, apiTarget: host.url }).catch((error: unknown) => {
    const busy = error instanceof Error && "code" in error && error.code === "EADDRINUSE";
    throw new Error(busy ? `Cổng ${addinPort} đang được dùng (có thể một bản "npm start" khác đang chạy).` : String(error));
  });
  stops.push(() => addin.close());
  console.log(`
Hệ thống đã chạy.
  Máy chủ:        ${api}/health
  Kho lưu trữ:    Azurite, blob :${azurite.ports.blob}, table :${azurite.ports.table}
  Add-in (HTTPS): ${addin.url}/taskpane.html   (xem thử ngoài Excel: ${addin.url}/preview.html)
  Manifest:       dist/addin/manifest.dev.xml (nạp vào Excel theo README, mục "Nạp add-in vào Excel")
  Chứng chỉ:      ${certificates.caPath}${certificates.generated ? " (mới tạo: cần tin cậy CA này một lần, xem README)" : ""}

Khóa thử nghiệm (lưu trong .data/demo-keys.json):
  Tỉnh (Sở KH&CN Phú Thọ):      ${keys.province}
  Cơ quan (Sở Tài chính):        ${keys.agency}
  Người xem (VP UBND tỉnh):      ${keys.viewer}

Thử ngay:
  curl -H "Authorization: Bearer ${keys.agency}" "${api}/decisions/${DEMO_DECISION}/periods/2025-Q4/assignments"
  npx kpi submit bao-cao.xlsx --agency so-tai-chinh --decision ${DEMO_DECISION} --period 2025-Q4 --server ${origin} --key ${keys.agency}
  npx kpi import quyet-dinh.docx --dry-run --server ${origin} --key ${keys.province}
  curl -H "Authorization: Bearer ${keys.province}" -o tong-hop.xlsx "${api}/decisions/${DEMO_DECISION}/periods/2025-Q4/report.xlsx"

Nhấn Ctrl-C để dừng.`);
} catch (error) {
  console.error(`Không khởi động được: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
