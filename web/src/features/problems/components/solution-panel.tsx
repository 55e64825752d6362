import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { Badge } from "../../../components/ui/badge";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { Markdown } from "../../../components/ui/markdown";
import { useReveals } from "../api/reveals";
import { solutionQuery, useMarkSolutionViewed } from "../api/solution";

type Language = "javascript" | "python" | "java";
const LABELS: Record<Language, string> = {
  javascript: "JavaScript",
  python: "Python",
  java: "Java",
};

interface SolutionPanelProps {
  problemId: string;
  language: Language;
  renderCode: (code: string, label: string) => ReactNode;
}

/** The example solution, behind a confirmation because opening it is recorded. */
export function SolutionPanel({ problemId, language, renderCode }: SolutionPanelProps) {
  const reveals = useReveals(problemId, language);
  const [confirmed, setConfirmed] = useState(false);
  const [asking, setAsking] = useState(false);
  const markViewed = useMarkSolutionViewed(problemId);
  const unlocked = confirmed || reveals.data?.solutionViewed === true;
  const solution = useQuery({
    ...solutionQuery(problemId, reveals.attemptId),
    enabled: unlocked && reveals.attemptId !== undefined,
  });
  const viewed = reveals.data?.solutionViewed === true;
  useEffect(() => {
    if (solution.isSuccess && !viewed) markViewed();
  }, [solution.isSuccess, viewed, markViewed]);

  if (!unlocked) {
    return (
      <div className="space-y-3 p-4 text-sm">
        <p>
          An example solution in {LABELS[language]}, with its explanation and complexity. Try the
          hints first: opening the solution is recorded with your attempt.
        </p>
        <Button onClick={() => setAsking(true)} disabled={reveals.isPending}>
          Show example solution
        </Button>
        <Dialog
          open={asking}
          onClose={() => setAsking(false)}
          title="Show the example solution?"
          actions={
            <>
              <Button onClick={() => setAsking(false)}>Not yet</Button>
              <Button
                variant="primary"
                onClick={() => {
                  setAsking(false);
                  setConfirmed(true);
                }}
              >
                Show solution
              </Button>
            </>
          }
        >
          Your attempt will record that you viewed the solution. You can keep working on your own
          code afterwards.
        </Dialog>
      </div>
    );
  }
  if (solution.isPending) {
    return <p className="p-4 text-sm text-ink-muted">Loading the solution…</p>;
  }
  if (solution.isError) {
    return (
      <p role="alert" className="p-4 text-sm text-verdict-wrong">
        Could not load the solution: {solution.error.message}
      </p>
    );
  }
  const { solutions, explanation, complexity } = solution.data;
  return (
    <div className="flex h-full flex-col gap-3 p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">Example solution · {LABELS[language]}</h3>
        <Badge>Time {complexity.time}</Badge>
        <Badge>Space {complexity.space}</Badge>
      </div>
      <Markdown>{explanation}</Markdown>
      <div className="min-h-64 flex-1">
        {renderCode(solutions[language], `Example solution in ${LABELS[language]}, read-only`)}
      </div>
    </div>
  );
}
