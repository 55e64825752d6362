import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useEffect } from "react";
import { ErrorPanel } from "../components/ui/error-panel";
import { catalogQuery } from "../features/problems/api/catalog";
import { problemQuery } from "../features/problems/api/problem";
import { revealsQuery } from "../features/problems/api/reveals";
import { ProblemHeading } from "../features/problems/components/problem-heading";
import { ProblemPane } from "../features/problems/components/problem-pane";
import { Workspace } from "../features/workspace/components/workspace";

export const Route = createFileRoute("/problems/$problemId")({
  loader: ({ context, params }) => {
    // Reveals restore hints and the solution state; they must not hold up the first paint.
    void context.queryClient.prefetchQuery(revealsQuery(params.problemId));
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
    <Workspace
      key={problem.id}
      problem={problem}
      heading={<ProblemHeading problem={problem} catalog={catalog} />}
      renderProblemPane={({ language, renderCode }) => (
        <ProblemPane problem={problem} language={language} renderCode={renderCode} />
      )}
    />
  );
}
