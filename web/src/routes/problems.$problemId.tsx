import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { problemQuery } from "../features/problems/api/problem";
import { ProblemStatement } from "../features/problems/components/problem-statement";

export const Route = createFileRoute("/problems/$problemId")({
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(problemQuery(params.problemId)),
  component: ProblemPage,
});

function ProblemPage() {
  const { problemId } = Route.useParams();
  const { data: problem } = useSuspenseQuery(problemQuery(problemId));
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <ProblemStatement problem={problem} />
    </div>
  );
}
