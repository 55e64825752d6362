import {
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from "react";
import { Button, Kbd } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { Panel } from "../../../components/ui/panel";
import { Splitter } from "../../../components/ui/splitter";
import { Tabs } from "../../../components/ui/tabs";
import { verdictPresentation } from "../../../components/ui/verdict";
import { readString, writeString } from "../../../lib/storage";
import { useRun } from "../api/run";
import { parseCase, toFields, type Param } from "./arguments";
import { loadCases, saveCases, type CustomCase } from "./custom-cases";
import { CodeBuffer, loadDraft, loadLanguage, saveLanguage } from "./drafts";
import { EditorSurface } from "./editor-surface";
import {
  LANGUAGE_LABELS,
  LANGUAGES,
  isLanguage,
  starterFromSignature,
  type Language,
  type Signature,
} from "./languages";
import { LIMITS, loadSizes, saveSizes, type PaneSizes } from "./layout";
import { ResultsPanel, type RunOutcome } from "./results-panel";
import { TestcasesPanel } from "./testcases-panel";
import { Timer } from "./timer-clock";
import type { Comparison } from "./value-diff";

/** What the workspace needs to know about a problem. */
export interface WorkspaceProblem {
  id: string;
  estimatedMinutes: number;
  signature: Signature;
  publicTests: { args: unknown[]; expected: unknown }[];
  starterCode?: Record<Language, string>;
  comparison?: Comparison;
}

export interface ProblemPaneContext {
  language: Language;
  /** Shows code read-only with the editor's highlighting (e.g. an example solution). */
  renderCode: (code: string, label: string) => ReactNode;
}

interface WorkspaceProps {
  problem: WorkspaceProblem;
  /** Title and badges, shown at the start of the header. */
  heading: ReactNode;
  renderProblemPane: (context: ProblemPaneContext) => ReactNode;
}

type ConsoleTab = "testcases" | "results";

const VIM_KEY = "improview.vim";
const SAVE_DELAY_MS = 400;
const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);
const RUN_SHORTCUT = isMac ? "⌘ Enter" : "Ctrl Enter";

let caseCounter = 0;
const newCaseId = () => `${Date.now().toString(36)}-${(caseCounter++).toString(36)}`;

/** The problem route's workspace: header, problem pane, editor and console, all resizable. */
export function Workspace({ problem, heading, renderProblemPane }: WorkspaceProps) {
  const problemId = problem.id;
  const starter = useCallback(
    (language: Language) =>
      problem.starterCode?.[language] ?? starterFromSignature(problem.signature, language),
    [problem],
  );

  const [language, setLanguage] = useState<Language>(() => loadLanguage(problemId));
  const [vim, setVim] = useState(() => readString(VIM_KEY) === "on");
  // The code of every language, kept outside React state: typing must not re-render the page.
  const [codes] = useState(() => new CodeBuffer(problemId, starter));
  const [generation, setGeneration] = useState(0);
  const [savedAt, setSavedAt] = useState<number | null>(
    () => loadDraft(problemId, language)?.savedAt ?? null,
  );
  const pendingSave = useRef<number | undefined>(undefined);

  const flushDraft = useCallback(() => {
    if (pendingSave.current === undefined) return;
    window.clearTimeout(pendingSave.current);
    pendingSave.current = undefined;
    const now = Date.now();
    const saved = codes.save(language, now);
    if (saved) setSavedAt(saved);
  }, [codes, language]);

  const onCodeChange = (code: string) => {
    codes.set(language, code);
    window.clearTimeout(pendingSave.current);
    pendingSave.current = window.setTimeout(flushDraft, SAVE_DELAY_MS);
  };

  // Leaving the page or hiding the tab writes the draft at once.
  useEffect(() => {
    const flush = () => flushDraft();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      flush();
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
    };
  }, [flushDraft]);

  const changeLanguage = (next: Language) => {
    flushDraft();
    setLanguage(next);
    setSavedAt(loadDraft(problemId, next)?.savedAt ?? null);
    saveLanguage(problemId, next);
  };

  const toggleVim = () => {
    setVim((on) => {
      writeString(VIM_KEY, on ? "off" : "on");
      return !on;
    });
  };

  // The statement paints first; the editor, then the console, render right after in
  // transitions, which React splits into short tasks: a slow phone never sees one long block.
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage < 2) startTransition(() => setStage(stage + 1));
  }, [stage]);

  const [resetOpen, setResetOpen] = useState(false);
  const resetCode = () => {
    window.clearTimeout(pendingSave.current);
    pendingSave.current = undefined;
    codes.reset(language);
    setSavedAt(null);
    setGeneration((g) => g + 1);
    setResetOpen(false);
  };

  // Running
  const run = useRun();
  const [outcome, setOutcome] = useState<(RunOutcome & { language: Language }) | null>(null);
  const [pendingCount, setPendingCount] = useState(0);
  const [consoleTab, setConsoleTab] = useState<ConsoleTab>("testcases");
  const [announcement, setAnnouncement] = useState("");
  const [cases, setCases] = useState<CustomCase[]>(() => loadCases(problemId));
  const [caseErrors, setCaseErrors] = useState<Record<string, (string | null)[]>>({});
  const params: Param[] = problem.signature.params;

  const updateCases = (next: CustomCase[]) => {
    setCases(next);
    saveCases(problemId, next);
  };

  const startRun = (custom: boolean) => {
    if (run.isPending) return;
    let customTests: { args: unknown[] }[] | undefined;
    if (custom) {
      const parsed = cases.map((c) => ({ id: c.id, result: parseCase(c.fields, params) }));
      const errors: Record<string, (string | null)[]> = {};
      for (const { id, result } of parsed) if (!result.ok) errors[id] = result.errors;
      setCaseErrors(errors);
      const firstBad = parsed.find((p) => !p.result.ok);
      if (firstBad) {
        setConsoleTab("testcases");
        const field = (errors[firstBad.id] ?? []).findIndex((e) => e !== null);
        window.setTimeout(() => document.getElementById(`case-${firstBad.id}-${field}`)?.focus());
        setAnnouncement("Some of your cases are not valid; see the messages next to the fields.");
        return;
      }
      customTests = parsed.map((p) => ({ args: (p.result as { args: unknown[] }).args }));
    }
    flushDraft();
    const count = customTests?.length ?? problem.publicTests.length;
    setPendingCount(count);
    setConsoleTab("results");
    setAnnouncement(`Running ${count} ${custom ? "custom" : "public"} tests…`);
    const runLanguage = language;
    run.mutate(
      { problemId, language: runLanguage, code: codes.get(runLanguage), customTests },
      {
        onSuccess: (report) => {
          setOutcome({ report, custom, language: runLanguage });
          const passed = report.tests.filter((t) => t.verdict === "PASSED").length;
          setAnnouncement(
            `${verdictPresentation(report.verdict).label}: ${passed} of ${report.tests.length} tests passed.`,
          );
        },
        onError: (error) => setAnnouncement(`The run did not complete: ${error.message}`),
      },
    );
  };

  const runRef = useRef(startRun);
  useEffect(() => {
    runRef.current = startRun;
  });
  const runPublic = useCallback(() => runRef.current(false), []);

  // Ctrl/Cmd+Enter anywhere on the page (the editor handles it itself and marks it handled).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key !== "Enter" || event.shiftKey) return;
      if (!(isMac ? event.metaKey : event.ctrlKey)) return;
      event.preventDefault();
      runRef.current(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Layout
  const [sizes, setSizes] = useState<PaneSizes>(loadSizes);
  const resize = (patch: Partial<PaneSizes>) => {
    setSizes((old) => {
      const next = { ...old, ...patch };
      saveSizes(next);
      return next;
    });
  };

  const renderCode = (code: string, label: string) => (
    <div className="h-full min-h-40 overflow-hidden rounded-md border border-line">
      <EditorSurface
        documentKey={`readonly:${label}:${code.length}`}
        language={language}
        initialValue={code}
        readOnly
        eager
        label={label}
      />
    </div>
  );

  const diagnostics =
    outcome && outcome.language === language ? outcome.report.diagnostics : undefined;
  const documentKey = `${problemId}:${language}:${generation}`;

  return (
    <div
      className="flex flex-col lg:h-[calc(100dvh-3rem-1px)]"
      style={{ "--left": `${sizes.left}%`, "--editor": `${sizes.editor}%` } as CSSProperties}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line bg-surface px-3 py-2">
        <div className="min-w-0">{heading}</div>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <Timer problemId={problemId} estimateMinutes={problem.estimatedMinutes} />
          <label className="sr-only" htmlFor="language-select">
            Language
          </label>
          <select
            id="language-select"
            value={language}
            onChange={(event) =>
              isLanguage(event.target.value) && changeLanguage(event.target.value)
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
            onClick={toggleVim}
            title="Vim key bindings in the editor"
          >
            Vim
          </Button>
          <Button
            variant="primary"
            onClick={() => startRun(false)}
            disabled={run.isPending}
            aria-label="Run public tests"
            aria-keyshortcuts={isMac ? "Meta+Enter" : "Control+Enter"}
          >
            {run.isPending ? "Running…" : "Run"}
            <Kbd>{RUN_SHORTCUT}</Kbd>
          </Button>
        </div>
      </div>

      <div className="flex min-h-0 flex-1 flex-col gap-2 p-2 lg:flex-row lg:gap-0">
        <Panel
          id="problem-pane"
          label={undefined}
          aria-label="Problem"
          className="max-lg:max-h-[75vh] lg:w-[var(--left)] lg:shrink-0"
        >
          {renderProblemPane({ language, renderCode })}
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
        <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-2 lg:gap-0">
          <section
            id="editor-pane"
            aria-label="Code editor"
            className="flex h-[65vh] min-h-0 flex-col overflow-hidden rounded-lg border border-line bg-surface lg:h-auto lg:basis-[var(--editor)] lg:shrink-0"
          >
            <div className="flex h-9 shrink-0 items-center gap-2 border-b border-line px-3 text-xs">
              <h2 className="font-semibold text-ink-muted">{LANGUAGE_LABELS[language]}</h2>
              <span className="text-ink-muted" aria-live="polite">
                {savedAt ? "Draft saved in this browser" : "Starter code"}
              </span>
              <Button
                size="sm"
                variant="ghost"
                className="ml-auto"
                onClick={() => setResetOpen(true)}
              >
                Reset
              </Button>
            </div>
            <p id="editor-keys" className="sr-only">
              {RUN_SHORTCUT} runs the public tests. Press Escape, then Tab, to leave the editor.
            </p>
            <div className="min-h-0 flex-1">
              {stage >= 1 && (
                <EditorSurface
                  documentKey={documentKey}
                  language={language}
                  initialValue={codes.get(language)}
                  onChange={onCodeChange}
                  onRun={runPublic}
                  vim={vim}
                  diagnostics={diagnostics}
                  label={`${LANGUAGE_LABELS[language]} solution`}
                />
              )}
            </div>
          </section>
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
          <Panel aria-label="Console" className="min-h-[18rem] lg:min-h-0 lg:flex-1">
            <Tabs<ConsoleTab>
              label="Console"
              idBase="console"
              value={consoleTab}
              onChange={setConsoleTab}
              items={[
                {
                  id: "testcases",
                  label: "Testcases",
                  note: cases.length ? `+${cases.length}` : undefined,
                },
                { id: "results", label: "Results" },
              ]}
            >
              {stage < 2 ? null : consoleTab === "testcases" ? (
                <TestcasesPanel
                  params={params}
                  publicTests={problem.publicTests}
                  cases={cases}
                  errors={caseErrors}
                  running={run.isPending}
                  onAdd={() =>
                    updateCases([
                      ...cases,
                      {
                        id: newCaseId(),
                        fields: problem.publicTests[0]
                          ? toFields(problem.publicTests[0].args)
                          : params.map(() => ""),
                      },
                    ])
                  }
                  onChange={(id, index, text) =>
                    updateCases(
                      cases.map((c) =>
                        c.id === id
                          ? { ...c, fields: c.fields.map((f, i) => (i === index ? text : f)) }
                          : c,
                      ),
                    )
                  }
                  onRemove={(id) => updateCases(cases.filter((c) => c.id !== id))}
                  onRunCustom={() => startRun(true)}
                />
              ) : (
                <ResultsPanel
                  pending={run.isPending}
                  pendingCount={pendingCount}
                  error={run.error}
                  outcome={outcome}
                  paramNames={params.map((p) => p.name)}
                  comparison={problem.comparison ?? { mode: "exact" }}
                  shortcut={RUN_SHORTCUT}
                />
              )}
            </Tabs>
          </Panel>
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <Dialog
        open={resetOpen}
        onClose={() => setResetOpen(false)}
        title={`Reset the ${LANGUAGE_LABELS[language]} code?`}
        actions={
          <>
            <Button onClick={() => setResetOpen(false)}>Keep my code</Button>
            <Button variant="danger" onClick={resetCode}>
              Reset to starter code
            </Button>
          </>
        }
      >
        Your {LANGUAGE_LABELS[language]} draft for this problem is replaced by the starter code.
        Other languages keep their drafts.
      </Dialog>
    </div>
  );
}
