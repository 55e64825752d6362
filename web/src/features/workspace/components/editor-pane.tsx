import { useEffect, useState } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { RUN_SHORTCUT } from "../hooks/use-run-shortcut";
import type { ServerDiagnostic } from "../model/diagnostics";
import type { Language } from "../../../lib/closed-sets";
import { LANGUAGE_LABELS } from "../model/languages";
import { EditorSurface } from "./editor-surface";

interface EditorPaneProps {
  /** Classes for the pane's slot (e.g. hidden on a phone while another pane shows). */
  className?: string;
  /** A run is in progress. */
  running: boolean;
  /** Runs the public tests from the editor's bar, where a phone user's thumb is (lg: header). */
  onRunButton: () => void;
  language: Language;
  /** When the draft was last saved, or null while the code is the starter code. */
  savedAt: number | null;
  /** False until the page's first paint is done: the editor comes right after. */
  showEditor: boolean;
  documentKey: string;
  initialValue: string;
  onChange: (code: string) => void;
  onRun: () => void;
  /** Writes the draft now; false if this browser's storage refused it. */
  onSave: () => boolean;
  vim: boolean;
  diagnostics: ServerDiagnostic[] | undefined;
  /** Called once the user has confirmed the reset. */
  onReset: () => void;
}

/** The editor with its title bar (language, draft state, Reset behind a confirmation). */
export function EditorPane({
  className = "",
  running,
  onRunButton,
  language,
  savedAt,
  showEditor,
  documentKey,
  initialValue,
  onChange,
  onRun,
  onSave,
  vim,
  diagnostics,
  onReset,
}: EditorPaneProps) {
  const [resetOpen, setResetOpen] = useState(false);
  // "Saved" after `:w` or Ctrl/Cmd+S, for a moment: the save was asked for, so it is confirmed.
  const [saveNote, setSaveNote] = useState<{ text: string; at: number } | null>(null);
  useEffect(() => {
    if (!saveNote) return;
    const timeout = window.setTimeout(() => setSaveNote(null), 2000);
    return () => window.clearTimeout(timeout);
  }, [saveNote]);
  const save = () =>
    setSaveNote({
      text: onSave() ? "Saved" : "Not saved: this browser refused the storage",
      at: Date.now(),
    });
  const label = LANGUAGE_LABELS[language];
  return (
    <>
      <section
        id="editor-pane"
        aria-label="Code editor"
        className={`flex min-h-0 flex-col overflow-hidden rounded-lg border border-line bg-surface lg:basis-[var(--editor)] lg:shrink-0 ${className}`}
      >
        <div className="flex h-9 shrink-0 items-center gap-2 border-b border-line px-3 text-xs">
          <h2 className="font-semibold text-ink-muted">{label}</h2>
          <span className="text-ink-muted" aria-live="polite" data-testid="draft-status">
            {saveNote ? (
              <span className="font-medium text-verdict-accepted">{saveNote.text}</span>
            ) : savedAt ? (
              "Draft saved in this browser"
            ) : (
              "Starter code"
            )}
          </span>
          <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setResetOpen(true)}>
            Reset
          </Button>
          <Button
            size="sm"
            variant="primary"
            className="lg:hidden"
            onClick={onRunButton}
            disabled={running}
          >
            {running ? "Running…" : "Run"}
          </Button>
        </div>
        <p id="editor-keys" className="sr-only">
          {RUN_SHORTCUT} runs the public tests. Press Escape, then Tab, to leave the editor.
        </p>
        <div className="min-h-0 flex-1">
          {showEditor && (
            <EditorSurface
              documentKey={documentKey}
              language={language}
              initialValue={initialValue}
              onChange={onChange}
              onRun={onRun}
              onSave={save}
              vim={vim}
              diagnostics={diagnostics}
              label={`${label} solution`}
            />
          )}
        </div>
      </section>
      <Dialog
        open={resetOpen}
        onClose={() => setResetOpen(false)}
        title={`Reset the ${label} code?`}
        actions={
          <>
            <Button onClick={() => setResetOpen(false)}>Keep my code</Button>
            <Button
              variant="danger"
              onClick={() => {
                onReset();
                setResetOpen(false);
              }}
            >
              Reset to starter code
            </Button>
          </>
        }
      >
        Your {label} draft for this problem is replaced by the starter code. Other languages keep
        their drafts.
      </Dialog>
    </>
  );
}
