import { lazy, Suspense } from "react";
import type { CodeEditorProps } from "./code-editor";

// CodeMirror is the heaviest part of the page: it loads in its own chunk while the statement
// paints, and the code shows as plain text until it arrives.
const loadEditor = () => import("./code-editor");
const CodeEditor = lazy(loadEditor);

/** Starts downloading the editor chunk early (e.g. when a problem link is hovered). */
export const preloadEditor = () => void loadEditor();

export function EditorSurface(props: CodeEditorProps) {
  return (
    <Suspense fallback={<CodePreview code={props.initialValue} />}>
      <CodeEditor {...props} />
    </Suspense>
  );
}

function CodePreview({ code }: { code: string }) {
  return (
    <div aria-busy="true" className="h-full overflow-hidden">
      <span className="sr-only">Loading the editor…</span>
      <pre
        aria-hidden="true"
        className="py-2 pr-3 pl-[3.25rem] font-mono text-[13.5px] leading-[1.6] whitespace-pre text-ink"
      >
        {code}
      </pre>
    </div>
  );
}
