import { Panel } from "../../../components/ui/panel";
import { Tabs } from "../../../components/ui/tabs";
import type { CaseErrors } from "../hooks/use-custom-cases";
import type { ConsoleTab } from "../hooks/use-run-console";
import { RUN_SHORTCUT } from "../hooks/use-run-shortcut";
import type { Signature } from "../../../lib/value-type";
import type { CustomCase } from "../model/custom-cases";
import type { Comparison } from "../model/value-diff";
import { ResultsPanel, type RunOutcome } from "./results-panel";
import { TestcasesPanel } from "./testcases-panel";

interface ConsolePaneProps {
  /** Classes for the pane's slot (e.g. hidden on a phone while another pane shows). */
  className?: string;
  tab: ConsoleTab;
  onTabChange: (tab: ConsoleTab) => void;
  /** False until the editor has painted: the console's content comes last. */
  showContent: boolean;
  signature: Signature;
  publicTests: { args: unknown[]; expected: unknown }[];
  cases: {
    cases: CustomCase[];
    errors: CaseErrors;
    add: () => void;
    change: (id: string, index: number, text: string) => void;
    remove: (id: string) => void;
  };
  onRunCustom: () => void;
  /** Why the last run of the custom cases was refused before sending, if it was. */
  refusal: string | null;
  pending: boolean;
  pendingCount: number;
  error: Error | null;
  /** The current language's last outcome. */
  outcome: RunOutcome | null;
  /** The code changed since that outcome was produced. */
  stale: boolean;
  comparison: Comparison;
}

/** The console below the editor: the Testcases and Results tabs. */
export function ConsolePane({
  className = "",
  tab,
  onTabChange,
  showContent,
  signature,
  publicTests,
  cases,
  onRunCustom,
  refusal,
  pending,
  pendingCount,
  error,
  outcome,
  stale,
  comparison,
}: ConsolePaneProps) {
  return (
    <Panel id="console-pane" aria-label="Console" className={`lg:min-h-0 lg:flex-1 ${className}`}>
      <Tabs<ConsoleTab>
        label="Console"
        idBase="console"
        value={tab}
        onChange={onTabChange}
        items={[
          {
            id: "testcases",
            label: "Testcases",
            note: cases.cases.length ? `+${cases.cases.length}` : undefined,
          },
          { id: "results", label: "Results" },
        ]}
      >
        {!showContent ? null : tab === "testcases" ? (
          <TestcasesPanel
            signature={signature}
            publicTests={publicTests}
            cases={cases.cases}
            errors={cases.errors}
            running={pending}
            onAdd={cases.add}
            onChange={cases.change}
            onRemove={cases.remove}
            onRunCustom={onRunCustom}
            refusal={refusal}
          />
        ) : (
          <ResultsPanel
            pending={pending}
            pendingCount={pendingCount}
            error={error}
            outcome={outcome}
            stale={stale}
            signature={signature}
            comparison={comparison}
            shortcut={RUN_SHORTCUT}
          />
        )}
      </Tabs>
    </Panel>
  );
}
