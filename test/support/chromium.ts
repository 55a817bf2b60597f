import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, headless, with everything that would call an outside host turned off. The README's test line
 * installs it (`apt-get install -y chromium`); KPI_CHROMIUM points elsewhere when needed.
 */
export const CHROMIUM_PATH = process.env.KPI_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-domain-reliability",
  "--metrics-recording-only",
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Không thấy Chromium ở ${CHROMIUM_PATH}: cài bằng "apt-get install -y chromium" (hoặc đặt KPI_CHROMIUM).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
