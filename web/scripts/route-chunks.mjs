// A Vite plugin that writes, into index.html, which JavaScript chunks each route needs beyond the
// entry (its code-split component and that chunk's static imports). public/boot.js reads it and
// modulepreloads the current route's chunks while the entry downloads, instead of the router
// asking for them only after the entry has run: one round trip fewer before the first paint.

/** The path pattern of a TanStack Router file route (`problems.$problemId` → `^/problems/[^/]+$`). */
export function routePattern(file) {
  const segments = file
    .split(".")
    .filter((segment) => segment !== "index" && segment !== "route" && !segment.startsWith("_"))
    .map((segment) => (segment.startsWith("$") ? "[^/]+" : segment.replace(/[-]/g, "\\$&")));
  return `^/${segments.join("/")}$`;
}

export function routeChunks() {
  return {
    name: "improview-route-chunks",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((output) => output.type === "chunk");
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const closure = (fileName, files = new Set()) => {
          if (files.has(fileName)) return files;
          files.add(fileName);
          for (const imported of byFile.get(fileName)?.imports ?? []) closure(imported, files);
          return files;
        };
        const entry = new Set();
        for (const chunk of chunks) if (chunk.isEntry) closure(chunk.fileName, entry);

        const routes = {};
        for (const chunk of chunks) {
          const route = /\/src\/routes\/([^/?]+)\.tsx\?/.exec(chunk.facadeModuleId ?? "")?.[1];
          if (!chunk.isDynamicEntry || !route || route === "__root") continue;
          const files = [...closure(chunk.fileName)].filter((file) => !entry.has(file));
          routes[routePattern(route)] = files.map((file) => `/${file}`);
        }
        const data = JSON.stringify(routes).replace(/</g, "\\u003c");
        const boot = '<script src="/boot.js"></script>';
        if (!html.includes(boot)) throw new Error(`index.html must load boot.js as ${boot}`);
        return html.replace(
          boot,
          `<script type="application/json" id="route-chunks">${data}</script>\n    ${boot}`,
        );
      },
    },
  };
}
