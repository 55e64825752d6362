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

/**
 * Waits until the page holds still for an accessibility scan: the Submit button (when the page has
 * one) is enabled once the attempt is open, and no CSS transition is half-way, since a colour
 * caught mid-fade is no colour the page ever shows.
 */
export async function settle(page) {
  const submit = 'button[aria-keyshortcuts$="Shift+Enter"]';
  if ((await page.locator(submit).count()) > 0) {
    await page.waitForFunction((selector) => !document.querySelector(selector)?.disabled, submit);
  }
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) => !(animation instanceof CSSTransition) || animation.playState !== "running",
      ),
  );
}
