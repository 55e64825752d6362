// Prints the gzip size of every built JavaScript chunk and the total the entry page loads,
// so a regression in what the first paint downloads shows up in the build log.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");
const entryFiles = new Set(
  [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]),
);
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7) + " KB";

let entryTotal = 0;
const rows = readdirSync(join(dist, "assets"))
  .filter((file) => file.endsWith(".js"))
  .map((file) => {
    const gzip = gzipSync(readFileSync(join(dist, "assets", file))).length;
    if (entryFiles.has(file)) entryTotal += gzip;
    return { file, gzip };
  })
  .sort((a, b) => b.gzip - a.gzip);

console.log("JavaScript chunks (gzip):");
for (const { file, gzip } of rows) {
  console.log(`${kb(gzip)}  ${file}${entryFiles.has(file) ? "  (entry)" : ""}`);
}
console.log(`Initial JavaScript (entry + preloads, gzip): ${kb(entryTotal).trim()}`);
