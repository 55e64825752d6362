import type { ReactNode } from "react";
import { Button, Kbd } from "../../../components/ui/button";
import { LANGUAGES, isLanguage, type Language } from "../../../lib/closed-sets";
import { LANGUAGE_LABELS } from "../model/languages";
import type { AttemptTimer } from "../hooks/use-attempt-timer";
import { RUN_KEYS, RUN_SHORTCUT } from "../hooks/use-run-shortcut";
import { Timer } from "./timer-clock";

interface WorkspaceHeaderProps {
  /** Title and badges, shown at the start. */
  heading: ReactNode;
  timer: AttemptTimer;
  estimatedMinutes: number;
  language: Language;
  onLanguageChange: (language: Language) => void;
  vim: boolean;
  onVimToggle: () => void;
  running: boolean;
  onRun: () => void;
  /** The Submit control, after Run. */
  submit?: ReactNode;
}

/** The workspace's header: the problem's heading, then the timer, language, Vim, Run and Submit. */
export function WorkspaceHeader({
  heading,
  timer,
  estimatedMinutes,
  language,
  onLanguageChange,
  vim,
  onVimToggle,
  running,
  onRun,
  submit,
}: WorkspaceHeaderProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line bg-surface px-3 py-2">
      <div className="min-w-0">{heading}</div>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <Timer timer={timer} estimateMinutes={estimatedMinutes} />
        <label className="sr-only" htmlFor="language-select">
          Language
        </label>
        <select
          id="language-select"
          value={language}
          onChange={(event) =>
            isLanguage(event.target.value) && onLanguageChange(event.target.value)
          }
          className="h-8 rounded-md border border-line bg-surface px-2 text-sm"
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_LABELS[l]}
            </option>
          ))}
        </select>
        <Button
          variant={vim ? "primary" : "secondary"}
          aria-pressed={vim}
          onClick={onVimToggle}
          title="Vim key bindings in the editor"
        >
          Vim
        </Button>
        <Button
          variant="primary"
          onClick={onRun}
          disabled={running}
          aria-label="Run public tests"
          aria-keyshortcuts={RUN_KEYS}
        >
          <RunLabel running={running} />
          <Kbd>{RUN_SHORTCUT}</Kbd>
        </Button>
        {submit}
      </div>
    </div>
  );
}

/**
 * Both labels share one grid cell and the inactive one is only hidden, so the button is always as
 * wide as "Running…" and the header does not shift when a run starts or ends.
 */
function RunLabel({ running }: { running: boolean }) {
  const cell = "col-start-1 row-start-1 text-center";
  return (
    <span className="grid" data-testid="run-label">
      <span className={`${cell} ${running ? "invisible" : ""}`}>Run</span>
      <span className={`${cell} ${running ? "" : "invisible"}`}>Running…</span>
    </span>
  );
}
