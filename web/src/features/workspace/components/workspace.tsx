import { useState, type CSSProperties, type ReactNode } from "react";
import { Panel } from "../../../components/ui/panel";
import { Splitter } from "../../../components/ui/splitter";
import { useAttemptTimer } from "../hooks/use-attempt-timer";
import { useCustomCases } from "../hooks/use-custom-cases";
import { useDrafts } from "../hooks/use-drafts";
import { usePaneSizes } from "../hooks/use-pane-sizes";
import { useRunConsole } from "../hooks/use-run-console";
import { useRunShortcut } from "../hooks/use-run-shortcut";
import { useStages } from "../hooks/use-stages";
import { useVim } from "../hooks/use-vim";
import type { Language } from "../../../lib/closed-sets";
import type { ServerTimer } from "../api/attempt";
import type { Signature } from "../../../lib/value-type";
import { LIMITS } from "../model/layout";
import type { Comparison } from "../model/value-diff";
import { ConsolePane } from "./console-pane";
import { EditorPane } from "./editor-pane";
import { EditorSurface } from "./editor-surface";
import { PaneTabs, narrowPane, type WorkspacePane } from "./pane-tabs";
import { WorkspaceHeader } from "./workspace-header";

/** What the workspace needs to know about a problem. */
export interface WorkspaceProblem {
  id: string;
  estimatedMinutes: number;
  signature: Signature;
  publicTests: { args: unknown[]; expected: unknown }[];
  /** Served by the server per language (problem/StarterCode.java); the web never derives it. */
  starterCode: Record<Language, string>;
  comparison?: Comparison;
}

export interface ProblemPaneContext {
  language: Language;
  /** The open attempt; null until it is open. */
  attemptId: string | null;
  /** Shows code read-only with the editor's highlighting (e.g. an example solution). */
  renderCode: (code: string, label: string, language?: Language) => ReactNode;
}

/** What the route's submission controls (Submit in the header, the verdict banner) are given. */
export interface SubmissionSlotContext {
  attemptId: string | null;
  language: Language;
  /** The editor's code now; the draft is saved first. */
  code: () => string;
  /** The timer's estimate (the attempt's revision), else the problem's. */
  estimateMinutes: number;
  /** Opens a new attempt at the problem, after this one has ended. */
  newAttempt: () => void;
  /** Shows a timer the server sent elsewhere, e.g. frozen by an accepted submission. */
  adoptTimer: (timer: ServerTimer) => void;
}

interface WorkspaceProps {
  problem: WorkspaceProblem;
  /** Title and badges, shown at the start of the header. */
  heading: ReactNode;
  renderProblemPane: (context: ProblemPaneContext) => ReactNode;
  /** The Submit control, shown after Run. */
  renderSubmit?: (context: SubmissionSlotContext) => ReactNode;
  /** The last submission's verdict, shown under the header. */
  renderVerdict?: (context: SubmissionSlotContext) => ReactNode;
}

/** The problem route's workspace: header, problem pane, editor and console, all resizable. */
export function Workspace({
  problem,
  heading,
  renderProblemPane,
  renderSubmit,
  renderVerdict,
}: WorkspaceProps) {
  const problemId = problem.id;
  const drafts = useDrafts(problemId, (language) => problem.starterCode[language]);
  const language = drafts.language;
  const timer = useAttemptTimer(problemId, language);
  const [vim, toggleVim] = useVim();
  const cases = useCustomCases(problemId, problem.signature, problem.publicTests);
  const runConsole = useRunConsole(language, drafts.code);
  const [sizes, resize] = usePaneSizes();
  // The statement paints first; the editor (stage 1), then the console (stage 2), right after.
  const stage = useStages(2);
  // On a narrow screen one pane at a time, starting with the statement.
  const [pane, setPane] = useState<WorkspacePane>("problem");

  const startRun = (custom: boolean) => {
    if (runConsole.pending) return;
    // The results (or why the cases were refused) are in the console: show it on a phone.
    setPane("result");
    let customTests: { args: unknown[] }[] | undefined;
    if (custom) {
      const args = cases.parseAll();
      if (!args) {
        runConsole.refuse("Some of your cases are not valid; see the messages next to the fields.");
        return;
      }
      customTests = args.map((a) => ({ args: a }));
    }
    drafts.flush();
    runConsole.start(
      {
        problemId,
        language,
        code: drafts.code(language),
        customTests,
        attemptId: timer.attemptId ?? undefined,
      },
      customTests?.length ?? problem.publicTests.length,
    );
  };
  const runPublic = useRunShortcut(() => startRun(false));

  const renderCode = (code: string, label: string, codeLanguage: Language = language) => (
    <div className="h-full min-h-40 overflow-hidden rounded-md border border-line">
      <EditorSurface
        documentKey={`readonly:${label}:${code.length}`}
        language={codeLanguage}
        initialValue={code}
        readOnly
        eager
        label={label}
      />
    </div>
  );

  const submission: SubmissionSlotContext = {
    attemptId: timer.attemptId,
    language,
    code: () => {
      drafts.flush();
      return drafts.code(language);
    },
    estimateMinutes: timer.reading?.timer.estimateMinutes ?? problem.estimatedMinutes,
    newAttempt: timer.retry,
    adoptTimer: timer.adopt,
  };

  const outcome = runConsole.result?.outcome ?? null;
  // The result is the current language's own, so its diagnostics apply to this code.
  const diagnostics = outcome?.report.diagnostics;

  return (
    <div
      className="flex h-[calc(100dvh-3rem-1px)] flex-col"
      style={{ "--left": `${sizes.left}%`, "--editor": `${sizes.editor}%` } as CSSProperties}
    >
      <WorkspaceHeader
        heading={heading}
        timer={timer}
        estimatedMinutes={problem.estimatedMinutes}
        language={language}
        onLanguageChange={drafts.changeLanguage}
        vim={vim}
        onVimToggle={toggleVim}
        running={runConsole.pending}
        onRun={() => startRun(false)}
        submit={renderSubmit?.(submission)}
      />
      {renderVerdict?.(submission)}
      <PaneTabs
        value={pane}
        onChange={setPane}
        note={runConsole.pending ? "running…" : undefined}
      />
      <div className="flex min-h-0 flex-1 flex-col gap-2 p-2 lg:flex-row lg:gap-0">
        <Panel
          id="problem-pane"
          label={undefined}
          aria-label="Problem"
          className={`${narrowPane(pane === "problem")} lg:w-[var(--left)] lg:shrink-0`}
        >
          {renderProblemPane({ language, attemptId: timer.attemptId, renderCode })}
        </Panel>
        <Splitter
          orientation="vertical"
          className="max-lg:hidden"
          value={sizes.left}
          min={LIMITS.left.min}
          max={LIMITS.left.max}
          onChange={(left) => resize({ left })}
          label="Resize the problem and the editor"
          controls="problem-pane"
        />
        <div
          className={`flex min-h-0 min-w-0 flex-1 flex-col gap-2 lg:gap-0 ${pane === "problem" ? "max-lg:hidden" : ""}`}
        >
          <EditorPane
            className={narrowPane(pane === "code")}
            running={runConsole.pending}
            onRunButton={() => startRun(false)}
            language={language}
            savedAt={drafts.savedAt}
            showEditor={stage >= 1}
            documentKey={drafts.documentKey}
            initialValue={drafts.code(language)}
            onChange={(code) => {
              drafts.change(code);
              runConsole.noteEdit(code);
              timer.onEdit();
            }}
            onRun={runPublic}
            onSave={drafts.saveNow}
            vim={vim}
            diagnostics={diagnostics}
            onReset={drafts.reset}
          />
          <Splitter
            orientation="horizontal"
            className="max-lg:hidden"
            value={sizes.editor}
            min={LIMITS.editor.min}
            max={LIMITS.editor.max}
            onChange={(editor) => resize({ editor })}
            label="Resize the editor and the console"
            controls="editor-pane"
          />
          <ConsolePane
            className={narrowPane(pane === "result")}
            tab={runConsole.tab}
            onTabChange={runConsole.setTab}
            showContent={stage >= 2}
            signature={problem.signature}
            publicTests={problem.publicTests}
            cases={cases}
            onRunCustom={() => startRun(true)}
            refusal={runConsole.refusal}
            pending={runConsole.pending}
            pendingCount={runConsole.pendingCount}
            error={runConsole.result?.error ?? null}
            outcome={outcome}
            stale={runConsole.stale}
            comparison={problem.comparison ?? { mode: "exact" }}
          />
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {runConsole.announcement}
      </p>
    </div>
  );
}
