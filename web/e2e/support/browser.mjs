// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

export const screenshotDir = new URL("../../../target/screenshots/", import.meta.url).pathname;

export async function launchBrowser() {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
