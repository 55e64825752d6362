/** Ladle: stories for the UI primitives in src/components/ui. */
export default {
  stories: "src/**/*.stories.tsx",
  viteConfig: ".ladle/vite.config.ts",
  outDir: "ladle-build",
  addons: { a11y: { enabled: true }, theme: { enabled: true, defaultState: "light" } },
};
