import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useEffect } from "react";
import { ErrorPanel } from "../components/ui/error-panel";
import { preloadMarkdown } from "../components/ui/markdown-loader";
import { catalogQuery } from "../features/problems/api/catalog";
import { problemQuery } from "../features/problems/api/problem";
import { ProblemHeading } from "../features/problems/components/problem-heading";
import { ProblemPane } from "../features/problems/components/problem-pane";
import { SubmissionsPanel } from "../features/submissions/components/submissions-panel";
import { SubmitButton } from "../features/submissions/components/submit-button";
import { VerdictBanner } from "../features/submissions/components/verdict-banner";
import { SubmitFlowProvider } from "../features/submissions/hooks/submit-flow";
import { Workspace } from "../features/workspace/components/workspace";

export const Route = createFileRoute("/problems/$problemId")({
  loader: ({ context, params }) => {
    // The markdown renderer is its own chunk: it downloads beside the problem, not after it.
    preloadMarkdown();
    // The catalog names the category in the header; fetched alongside, so no label changes later.
    return Promise.all([
      context.queryClient.ensureQueryData(problemQuery(params.problemId)),
      context.queryClient.ensureQueryData(catalogQuery),
    ]);
  },
  component: ProblemPage,
  // Inside the layout, so a failure here (a bug, or content the page cannot show) keeps the header.
  errorComponent: ({ error }) => <ErrorPanel error={error} subject="problem" />,
});

function ProblemPage() {
  const { problemId } = Route.useParams();
  const { data: problem } = useSuspenseQuery(problemQuery(problemId));
  const { data: catalog } = useSuspenseQuery(catalogQuery);
  useEffect(() => {
    document.title = `${problem.title} · Improview`;
    return () => {
      document.title = "Improview";
    };
  }, [problem.title]);
  return (
    <SubmitFlowProvider key={problem.id}>
      <Workspace
        problem={problem}
        heading={<ProblemHeading problem={problem} catalog={catalog} />}
        renderProblemPane={({ language, attemptId, renderCode }) => (
          <ProblemPane
            problem={problem}
            language={language}
            renderCode={renderCode}
            submissions={<SubmissionsPanel attemptId={attemptId} renderCode={renderCode} />}
          />
        )}
        renderSubmit={({ attemptId, language, code }) => (
          <SubmitButton attemptId={attemptId} language={language} code={code} />
        )}
        renderVerdict={({ estimateMinutes, newAttempt, adoptTimer }) => (
          <VerdictBanner
            estimateMinutes={estimateMinutes}
            onNewAttempt={newAttempt}
            onAttemptEnded={adoptTimer}
          />
        )}
      />
    </SubmitFlowProvider>
  );
}
