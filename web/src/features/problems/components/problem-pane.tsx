import { useState, type ReactNode } from "react";
import { Tabs } from "../../../components/ui/tabs";
import type { Problem } from "../api/problem";
import { useReveals } from "../api/reveals";
import { HintsPanel } from "./hints-panel";
import { ProblemStatement } from "./problem-statement";
import { ProvenPanel } from "./proven-panel";
import { SolutionPanel } from "./solution-panel";

type PaneTab = "description" | "hints" | "solution" | "submissions";

interface ProblemPaneProps {
  problem: Problem;
  language: "javascript" | "python" | "java";
  renderCode: (code: string, label: string) => ReactNode;
  /** The Submissions tab's content, when the route has one. */
  submissions?: ReactNode;
}

/** The workspace's left pane: description, hints, the example solution and submissions as tabs. */
export function ProblemPane({ problem, language, renderCode, submissions }: ProblemPaneProps) {
  const [tab, setTab] = useState<PaneTab>("description");
  const reveals = useReveals(problem.id, language);
  const revealed = reveals.data?.hints.length ?? 0;
  return (
    <Tabs<PaneTab>
      label="Problem"
      idBase="problem"
      value={tab}
      onChange={setTab}
      items={[
        { id: "description", label: "Description" },
        {
          id: "hints",
          label: "Hints",
          note: problem.hintCount > 0 ? `${revealed}/${problem.hintCount}` : undefined,
        },
        { id: "solution", label: "Solution" },
        ...(submissions ? [{ id: "submissions" as const, label: "Submissions" }] : []),
      ]}
    >
      {tab === "description" && (
        <div className="space-y-6 p-4">
          <ProblemStatement problem={problem} showHeader={false} />
          <ProvenPanel problemId={problem.id} />
        </div>
      )}
      {tab === "hints" && (
        <HintsPanel problemId={problem.id} hintCount={problem.hintCount} language={language} />
      )}
      {tab === "solution" && (
        <SolutionPanel problemId={problem.id} language={language} renderCode={renderCode} />
      )}
      {tab === "submissions" && submissions}
    </Tabs>
  );
}
