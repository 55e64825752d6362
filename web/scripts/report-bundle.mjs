// Prints the gzip size of every built JavaScript chunk, and what each page downloads before it
// can render (the entry plus, for each route, its lazily loaded chunk and that chunk's static
// imports), so a regression in first-paint weight shows up in the build log. Brotli figures are
// what the server actually sends to browsers that accept br (the .br files scripts/precompress.mjs
// writes); gzip is what the rest get.
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const manifestPath = join(dist, "bundle-manifest.json");
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
rmSync(manifestPath);

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7) + " KB";
const scripts = readdirSync(join(dist, "assets")).filter((file) => file.endsWith(".js"));
const gzip = new Map(
  scripts.map((file) => [
    `assets/${file}`,
    gzipSync(readFileSync(join(dist, "assets", file))).length,
  ]),
);
const brotli = new Map(
  scripts
    .filter((file) => existsSync(join(dist, "assets", `${file}.br`)))
    .map((file) => [`assets/${file}`, readFileSync(join(dist, "assets", `${file}.br`)).length]),
);

// The chunk files a manifest entry loads up front: itself and its static imports, transitively.
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}
const total = (files, sizes = gzip) =>
  [...files].reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
const both = (files) => `${kb(total(files)).trim()} (brotli ${kb(total(files, brotli)).trim()})`;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entry = closure(entryKey);

console.log("JavaScript chunks (gzip, brotli):");
for (const [file, size] of [...gzip].sort((a, b) => b[1] - a[1])) {
  const name = file.slice("assets/".length);
  console.log(
    `${kb(size)} ${kb(brotli.get(file) ?? 0)}  ${name}${entry.has(file) ? "  (entry)" : ""}`,
  );
}
console.log(`Initial JavaScript (entry + preloads, gzip): ${both(entry)}`);

const routes = Object.keys(manifest)
  .filter((key) => key.startsWith("src/routes/") && manifest[key].isDynamicEntry)
  .map((key) => ({ route: key.replace(/^src\/routes\//, "").replace(/\?.*$/, ""), key }));
for (const { route, key } of routes) {
  const files = closure(key, new Set(entry));
  console.log(`Initial JavaScript for route ${route} (gzip): ${both(files)}`);
}

// Everything else loads on demand (the editor when first used, each language mode and Vim when
// chosen); each figure counts what it adds to the page and to the code that imports it.
for (const key of Object.keys(manifest)) {
  const chunk = manifest[key];
  if (!chunk.isDynamicEntry || key.startsWith("src/routes/")) continue;
  const files = closure(key);
  const importers = Object.keys(manifest).filter((k) => manifest[k].dynamicImports?.includes(key));
  for (const loaded of [entry, ...importers.map((k) => closure(k))]) {
    for (const file of loaded) files.delete(file);
  }
  const name = key.replace(/^.*node_modules\//, "").replace(/^src\//, "");
  console.log(`On demand: ${name} (gzip): ${kb(total(files)).trim()}`);
}
