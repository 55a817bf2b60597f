// Runs before `npm test`: the browser tests need Debian's Chromium. On a fresh Debian machine as root it is installed
// with apt-get (from Debian's own repositories); elsewhere the command to run is printed and the tests stop here.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const path = process.env.KPI_CHROMIUM ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const apt = (args) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && existsSync("/usr/bin/apt-get")) {
  console.log(`Chưa có Chromium (${path}) cho kiểm thử trình duyệt: đang cài gói Debian "chromium"…`);
  if (apt(["install", "-y", "--no-install-recommends", "chromium"]) || (apt(["update"]) && apt(["install", "-y", "--no-install-recommends", "chromium"]))) {
    if (existsSync(path)) process.exit(0);
  }
}
console.error(`Kiểm thử trình duyệt cần Chromium tại ${path}. Cài bằng: sudo apt-get install -y chromium (hoặc đặt KPI_CHROMIUM=đường_dẫn).`);
process.exit(1);
