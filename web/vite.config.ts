import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import { precompress } from "./scripts/precompress.mjs";
import { routeChunks } from "./scripts/route-chunks.mjs";

// The dev server proxies the API to a locally running server (mvn spring-boot:run or the jar).
export default defineConfig({
  plugins: [
    tanstackRouter({
      target: "react",
      autoCodeSplitting: true,
      // Only route components are split out: error components stay in the entry (they are tiny and
      // must show even when a chunk cannot load), and each route has one chunk for boot.js to preload.
      codeSplittingOptions: { defaultBehavior: [["component"]] },
    }),
    react(),
    tailwindcss(),
    routeChunks(),
    precompress(),
  ],
  server: {
    proxy: {
      "/api": "http://localhost:8080",
      // Spring Security's passkey ceremonies live outside /api (docs/security.md, "Passkeys").
      "/webauthn": "http://localhost:8080",
      "/login/webauthn": "http://localhost:8080",
      "/actuator": "http://localhost:8080",
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Read by scripts/report-bundle.mjs to add up what each route loads first, then deleted.
    manifest: "bundle-manifest.json",
    rollupOptions: {
      output: {
        // Library chunks are named after their package (codemirror-lang-java-*.js, not dist-*.js),
        // so the bundle report says what each one is.
        chunkFileNames(chunk) {
          const id = chunk.facadeModuleId ?? chunk.moduleIds[chunk.moduleIds.length - 1] ?? "";
          const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
          return `assets/${name ? name.replace("@", "").replace("/", "-") : "[name]"}-[hash].js`;
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
