// Measures a running Improview with Lighthouse (pinned 12.x) on Debian's Chromium, with the mobile
// and desktop presets, and prints the performance and accessibility scores.
// Usage: npm run lighthouse -- [url] [--runs=N]   (default: the first problem on localhost:8080,
// one run; with N runs the median run by performance score is reported, as scores vary run to run).
import { mkdirSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const base = process.env.IMPROVIEW_URL ?? "http://localhost:8080";
const args = process.argv.slice(2);
const runsArg = args.find((a) => a.startsWith("--runs="));
const runs = runsArg ? Number(runsArg.slice("--runs=".length)) : 1;
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a positive integer: ${runsArg}`);
let url = args.find((a) => !a.startsWith("--"));
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
  const measured = [];
  // A run Lighthouse could not score (a broken trace, NO_NAVSTART) is repeated, not counted as 0.
  for (let attempt = 0; measured.length < runs && attempt < runs * 2; attempt++) {
    const result = await measure(preset);
    if (typeof result.performance === "number") measured.push(result);
    else console.warn(`${preset.name}: run not scored (${result.error ?? "no score"}), repeating`);
  }
  if (measured.length === 0) throw new Error(`${preset.name}: no run could be scored`);
  measured.sort((a, b) => a.performance - b.performance);
  const median = measured[Math.floor(measured.length / 2)];
  writeFileSync(`${outDir}/${preset.name}.html`, median.html);
  writeFileSync(`${outDir}/${preset.name}.json`, median.json);
  results.push({
    ...median.row,
    ...(runs > 1 ? { "all runs": measured.map((m) => m.performance).join(" ") } : {}),
  });
}
console.log(`Lighthouse ${url}${runs > 1 ? ` (median of ${runs} runs)` : ""}`);
console.table(results);
console.log(`Reports: ${outDir}`);

async function measure(preset) {
  // A fresh browser per run, so no run starts with a warm cache.
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
    const { categories, audits } = result.lhr;
    const row = {
      preset: preset.name,
      performance: categories.performance.score,
      accessibility: categories.accessibility.score,
      FCP: audits["first-contentful-paint"].displayValue,
      LCP: audits["largest-contentful-paint"].displayValue,
      TBT: audits["total-blocking-time"].displayValue,
      CLS: audits["cumulative-layout-shift"].displayValue,
    };
    return {
      row,
      performance: row.performance,
      error: result.lhr.runtimeError?.code,
      html: result.report[0],
      json: result.report[1],
    };
  } finally {
    await chrome.kill();
  }
}
