// The markdown renderer (react-markdown, remark-gfm and our plugins) is a chunk of its own, loaded
// beside the page rather than before it: the problem route asks for it when its loader runs, so
// it downloads while the problem does, and a page rendered after it has arrived needs no fallback.
// Small on purpose: the route's loader, and so this module, is part of the entry.

type RendererModule = typeof import("./markdown-renderer");

let loading: Promise<RendererModule> | undefined;
let loaded: RendererModule | undefined;

/** Loads the renderer chunk, once; a failed load is tried again by the next call. */
export function loadMarkdownRenderer(): Promise<RendererModule> {
  loading ??= import("./markdown-renderer").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Starts loading the renderer without waiting for it (the route's loader calls this). */
export function preloadMarkdown() {
  loadMarkdownRenderer().catch(() => undefined);
}

/** The renderer if it has already loaded. */
export function loadedMarkdownRenderer(): RendererModule | undefined {
  return loaded;
}
