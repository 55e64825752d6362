import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type { VimAdapter } from "./vim-extras";
import type { Language } from "../../../lib/closed-sets";

/**
 * The document's style nonce (the server's CSP allows style elements carrying it, and no others):
 * CodeMirror puts it on the style element it writes its themes into. The dev server serves the
 * placeholder, which is not base64, and has no CSP: no nonce then.
 */
export function styleNonce(doc: Document = document): string | undefined {
  const nonce = doc.querySelector<HTMLMetaElement>("meta[property=csp-nonce]")?.nonce;
  return nonce && /^[A-Za-z0-9+/]+=*$/.test(nonce) ? nonce : undefined;
}

let nonceExtension: Extension | undefined;

/** CodeMirror's nonce facet, read from the document once: the nonce lasts as long as the page. */
export function cspNonce(): Extension {
  if (nonceExtension === undefined) {
    const nonce = styleNonce();
    nonceExtension = nonce ? EditorView.cspNonce.of(nonce) : [];
  }
  return nonceExtension;
}

// Each language mode and the Vim keymap is a chunk of its own, fetched only when used: the editor
// a JavaScript user first sees does not pay for Java, Python or Vim.
const loaders: Record<Language, () => Promise<Extension>> = {
  javascript: () => import("@codemirror/lang-javascript").then((m) => m.javascript()),
  python: () => import("@codemirror/lang-python").then((m) => m.python()),
  java: () => import("@codemirror/lang-java").then((m) => m.java()),
};

const languages = new Map<Language, Promise<Extension>>();
const loadedLanguages = new Map<Language, Extension>();

/** The language's extension if it has arrived, else undefined (and the download starts). */
export function languageNow(language: Language): Extension | undefined {
  void loadLanguage(language);
  return loadedLanguages.get(language);
}

export function loadLanguage(language: Language): Promise<Extension> {
  let promise = languages.get(language);
  if (!promise) {
    promise = loaders[language]().then((extension) => {
      loadedLanguages.set(language, extension);
      return extension;
    });
    languages.set(language, promise);
  }
  return promise;
}

let vimPromise: Promise<Extension> | undefined;
let vimLoaded: Extension | undefined;

export function vimNow(): Extension | undefined {
  void loadVim();
  return vimLoaded;
}

export function loadVim(): Promise<Extension> {
  vimPromise ??= Promise.all([import("@replit/codemirror-vim"), import("./vim-extras")]).then(
    ([m, extras]) => {
      // Ex commands are global to the Vim module; `:w` finds the editor it was typed in.
      m.Vim.defineEx("write", "w", (cm: VimAdapter) => extras.vimWrite(cm));
      const getCM = (view: EditorView) => m.getCM(view) as VimAdapter | null;
      vimLoaded = [m.vim({ status: true }), extras.vimInsertAsOneChange(getCM)];
      return vimLoaded;
    },
  );
  return vimPromise;
}
