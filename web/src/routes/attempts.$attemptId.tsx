import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useEffect } from "react";
import { ErrorPanel } from "../components/ui/error-panel";
import { toneText } from "../components/ui/tone-text";
import { attemptDetailQuery } from "../features/attempts/api/attempt-detail";
import { AttemptDetailView } from "../features/attempts/components/attempt-detail-view";
import { catalogQuery } from "../features/problems/api/catalog";
import { SubmissionTests } from "../features/submissions/components/submission-tests";
import { verdictHeadline } from "../features/submissions/model/verdict-wording";
import { EditorSurface } from "../features/workspace/components/editor-surface";

export const Route = createFileRoute("/attempts/$attemptId")({
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(attemptDetailQuery(params.attemptId)),
      context.queryClient.ensureQueryData(catalogQuery),
    ]),
  component: AttemptPage,
  pendingComponent: () => (
    <p role="status" className="mx-auto max-w-6xl px-4 py-8 text-sm text-ink-muted">
      Loading the attempt…
    </p>
  ),
  // Inside the layout: an unknown attempt (404) or a failure keeps the site's header.
  errorComponent: ({ error }) => <ErrorPanel error={error} subject="attempt" />,
});

function AttemptPage() {
  const { attemptId } = Route.useParams();
  const { data: attempt } = useSuspenseQuery(attemptDetailQuery(attemptId));
  const { data: catalog } = useSuspenseQuery(catalogQuery);
  useEffect(() => {
    document.title = `${attempt.title} · History · Improview`;
    return () => {
      document.title = "Improview";
    };
  }, [attempt.title]);
  const label =
    <T extends string>(list: { id: T; label: string }[]) =>
    (id: T) =>
      list.find((c) => c.id === id)?.label ?? id;
  return (
    <AttemptDetailView
      attempt={attempt}
      labels={{
        category: label(catalog.categories),
        difficulty: label(catalog.difficulties),
        language: label(catalog.languages),
      }}
      renderVerdict={(submission) => {
        const headline = verdictHeadline(submission);
        return <h2 className={`font-semibold ${toneText[headline.tone]}`}>{headline.text}</h2>;
      }}
      renderTests={(submission) => <SubmissionTests tests={submission.tests} />}
      renderCode={(code, codeLabel, language) => (
        <div className="h-full overflow-hidden rounded-md border border-line">
          <EditorSurface
            documentKey={`readonly:${codeLabel}`}
            language={language}
            initialValue={code}
            readOnly
            label={codeLabel}
          />
        </div>
      )}
    />
  );
}
