// Measures a running Improview with Lighthouse (pinned 12.x) on Debian's Chromium, with the mobile
// and desktop presets, and prints the performance and accessibility scores.
// Usage: npm run lighthouse -- [url]   (default: the first problem on http://localhost:8080)
import { mkdirSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const base = process.env.IMPROVIEW_URL ?? "http://localhost:8080";
let url = process.argv[2];
if (!url) {
  const problems = await (await fetch(`${base}/api/problems`)).json();
  if (!problems.length) throw new Error(`no problems at ${base}/api/problems`);
  url = `${base}/problems/${problems[0].id}`;
}
const outDir = new URL("../../target/lighthouse/", import.meta.url).pathname;
mkdirSync(outDir, { recursive: true });

const presets = [
  { name: "mobile", config: undefined },
  { name: "desktop", config: desktopConfig },
];
const results = [];
for (const preset of presets) {
  // A fresh browser per preset, so the second run does not start with a warm cache.
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: ["html", "json"],
        onlyCategories: ["performance", "accessibility"],
        logLevel: "error",
      },
      preset.config,
    );
    writeFileSync(`${outDir}/${preset.name}.html`, result.report[0]);
    writeFileSync(`${outDir}/${preset.name}.json`, result.report[1]);
    const { categories, audits } = result.lhr;
    results.push({
      preset: preset.name,
      performance: categories.performance.score,
      accessibility: categories.accessibility.score,
      FCP: audits["first-contentful-paint"].displayValue,
      LCP: audits["largest-contentful-paint"].displayValue,
      TBT: audits["total-blocking-time"].displayValue,
      CLS: audits["cumulative-layout-shift"].displayValue,
    });
  } finally {
    await chrome.kill();
  }
}
console.log(`Lighthouse ${url}`);
console.table(results);
console.log(`Reports: ${outDir}`);
