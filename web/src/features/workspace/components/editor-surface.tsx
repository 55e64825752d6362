import { lazy, Suspense, useMemo, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { Language } from "../../../lib/closed-sets";
import { highlightTokens, TOKEN_STYLES } from "../editor/static-highlight";
import type { CodeEditorProps, FocusRequest } from "./code-editor";

// CodeMirror is the heaviest part of the page, so it is imported on interaction: the code shows
// at once as text laid out like the editor, and the editor replaces it as soon as the pointer
// comes near or the keyboard focuses it (web.dev's "import on interaction"). The text is coloured
// like the editor's and laid out with its metrics, so the swap neither flashes nor shifts.
const loadEditor = () => import("./code-editor");
const CodeEditor = lazy(loadEditor);

/** Starts downloading the editor chunk without mounting it. */
export const preloadEditor = () => void loadEditor();

interface EditorSurfaceProps extends Omit<CodeEditorProps, "focusOnMount"> {
  /** Mount the editor right away instead of on interaction (e.g. a solution the user asked for). */
  eager?: boolean;
}

export function EditorSurface({ eager = false, ...props }: EditorSurfaceProps) {
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [active, setActive] = useState(eager);
  const activate = (request: FocusRequest) => {
    if (active) return;
    setFocus(request);
    setActive(true);
  };
  const preview = (
    <CodePreview
      code={props.initialValue}
      language={props.language}
      label={props.label}
      onIntent={preloadEditor}
      onActivate={activate}
    />
  );
  if (!active) return preview;
  return (
    <Suspense fallback={preview}>
      <CodeEditor {...props} focusOnMount={focus ?? undefined} />
    </Suspense>
  );
}

interface CodePreviewProps {
  code: string;
  language: Language;
  label: string;
  onIntent: () => void;
  onActivate: (request: FocusRequest) => void;
}

// The editor's indent width per language (code-editor.tsx), for tabs in a draft.
const TAB_SIZE: Record<Language, number> = { javascript: 2, python: 4, java: 2 };

function CodePreview({ code, language, label, onIntent, onActivate }: CodePreviewProps) {
  const lines = code.split("\n");
  const tokens = useMemo(() => highlightTokens(code, language), [code, language]);
  return (
    <div
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      aria-describedby="editor-keys"
      tabIndex={0}
      data-testid="editor-preview"
      onPointerEnter={onIntent}
      onPointerDown={(event: PointerEvent) => onActivate({ x: event.clientX, y: event.clientY })}
      onFocus={() => onActivate("keep")}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key !== "Tab") onActivate("keep");
      }}
      className="flex h-full cursor-text overflow-hidden font-mono text-[13.5px] leading-[1.6]"
    >
      {/* The editor's three gutters, built as CodeMirror sizes them (editor-theme.ts): line
          numbers as wide as the largest, padded 12px and 8px; the fold gutter as wide as its
          marker and its 1px padding; the lint gutter 1.4em. So the text starts where the editor's will. */}
      <div
        aria-hidden="true"
        className="shrink-0 py-2 pr-2 pl-3 text-right text-ink-muted select-none"
        style={{ minWidth: `calc(${String(lines.length).length}ch + 20px)` }}
      >
        {lines.map((_, i) => (
          <div key={i}>{i + 1}</div>
        ))}
      </div>
      <div aria-hidden="true" className="invisible shrink-0 px-px py-2 select-none">
        ⌄
      </div>
      <div aria-hidden="true" className="w-[1.4em] shrink-0" />
      <pre
        className="py-2 pl-1.5 whitespace-pre text-ink"
        style={{ tabSize: TAB_SIZE[language] }}
        data-testid="editor-preview-code"
      >
        {tokens.map((token, i) =>
          token.kind ? (
            <span key={i} style={TOKEN_STYLES[token.kind]}>
              {token.text}
            </span>
          ) : (
            token.text
          ),
        )}
      </pre>
    </div>
  );
}
