// The manifests Excel loads: the production one with the origin the add-in is served from (KPI_ADDIN_URL), and a
// development copy with its own id and the KPIDEV namespace, so a developer's sideloaded copy never collides with the
// production add-in in the same Excel. Icons are drawn here so the repository carries no binary art.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { crc32, deflateSync } from "node:zlib";

export const DEV_ORIGIN = "https://localhost:3000";
const DEV_ID = "b7c2e9d4-5a1f-4c3e-8d70-9e4a6b2c1f05";

export async function writeManifests(root, outDir, productionOrigin = process.env.KPI_ADDIN_URL ?? DEV_ORIGIN) {
  const template = await readFile(resolve(root, "manifest.xml"), "utf8");
  const origin = productionOrigin.replace(/\/+$/, "");
  if (!/^https:\/\//.test(origin)) throw new Error(`KPI_ADDIN_URL phải là địa chỉ https (nhận được "${productionOrigin}").`);
  const production = template.split(DEV_ORIGIN).join(origin);
  const development = template
    .replace(/<Id>[^<]+<\/Id>/, `<Id>${DEV_ID}</Id>`)
    .replace(/(<bt:String id="Functions.Namespace" DefaultValue=")KPI("\/>)/, "$1KPIDEV$2")
    .replace(/(<DisplayName DefaultValue=")([^"]+)(">\s*<Override Locale="en-US" Value=")([^"]+)(")/, "$1$2 (bản phát triển)$3$4 (development)$5")
    .replace(/(<bt:String id="Group.Label" DefaultValue=")([^"]+)(")/, "$1$2 (phát triển)$3")
    // The pane writes formulas calling its own manifest's functions: KPIDEV.STATUS in a development copy.
    .replace(/(<bt:Url id="Taskpane.Url" DefaultValue="[^"?]+)(")/, "$1?ns=KPIDEV$2")
    .replace(/(<SourceLocation DefaultValue="[^"?]+\/taskpane\.html)(")/, "$1?ns=KPIDEV$2");
  await writeFile(resolve(outDir, "manifest.xml"), production);
  await writeFile(resolve(outDir, "manifest.dev.xml"), development);
  await writeFile(resolve(outDir, "help.html"), HELP_PAGE);
  await mkdir(resolve(outDir, "assets"), { recursive: true });
  for (const size of [16, 32, 64, 80]) await writeFile(resolve(outDir, "assets", `icon-${size}.png`), icon(size));
}

/** A blue square with three rising white bars: the add-in's mark at any size. */
function icon(size) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const bar = Math.floor((x / size) * 5);
      const heights = [0, 0.35, 0.55, 0.75, 0];
      const inBar = bar >= 1 && bar <= 3 && (x / size) * 5 - bar > 0.2 && (x / size) * 5 - bar < 0.8 && y / size > 1 - heights[bar] - 0.1 && y / size < 0.85;
      const [r, g, b] = inBar ? [255, 255, 255] : [0x0f, 0x6c, 0xbd];
      row.set([r, g, b, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const HELP_PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>KPI chuyển đổi số – hướng dẫn</title></head>
<body style="font-family: 'Segoe UI', sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">
<h1>KPI chuyển đổi số</h1>
<p>Các hàm <code>=KPI.STATUS(kết_quả; "Tối thiểu 90%")</code>, <code>KPI.GAP</code>, <code>KPI.EXPLAIN</code>,
<code>KPI.RATE</code>, <code>KPI.FORMULA</code> đánh giá kết quả so với chỉ tiêu ngay trong bảng tính;
<code>KPI.TARGET(cơ_quan; mã_chỉ_tiêu; [kỳ])</code> lấy chỉ tiêu được giao từ máy chủ KPI của tỉnh.</p>
<p>Cần hỗ trợ: liên hệ cơ quan thường trực chuyển đổi số của tỉnh (Sở Khoa học và Công nghệ).</p>
</body>
</html>
`;
