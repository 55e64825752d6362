import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { ErrorPanel } from "../components/ui/error-panel";
import { catalogQuery } from "../features/problems/api/catalog";
import { generationQuery, isFinal } from "../features/generation/api/generation";
import { generatorQuery } from "../features/generation/api/generator";
import { GenerationProgress } from "../features/generation/components/generation-progress";
import { GeneratorPanel } from "../features/generation/components/generator-panel";
import { useGenerationWatch } from "../features/generation/hooks/use-generation-watch";
import { forgetStarted, wasStarted } from "../features/generation/model/started";
import { fallbackDifficultyLabel, problemWording } from "../features/generation/model/wording";
import { PracticeHeading } from "./-practice-heading";

/** How long a ready generation shows its ticks before its problem opens: long enough to read. */
const OPEN_AFTER_MS = 1000;

export const Route = createFileRoute("/generate/$generationId")({
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(generationQuery(params.generationId)),
      context.queryClient.ensureQueryData(catalogQuery),
      context.queryClient.ensureQueryData(generatorQuery).catch(() => undefined),
    ]),
  component: GenerationPage,
  errorComponent: ({ error }) => <ErrorPanel error={error} subject="generation" />,
});

function GenerationPage() {
  const { generationId } = Route.useParams();
  // A new generation is a new page: its own watch, its own form.
  return <GenerationView key={generationId} id={generationId} />;
}

function GenerationView({ id }: { id: string }) {
  const navigate = useNavigate();
  const { data: catalog } = useSuspenseQuery(catalogQuery);
  const { generation, error, retry } = useGenerationWatch(id);
  // Opens by itself when this tab asked for it, or when it became ready while watched here; one
  // opened from history or a link that was already finished waits for a click.
  const [openWhenReady] = useState(() => wasStarted(id) || !isFinal(generation));
  const ready = generation.state === "ready" ? generation.problemId : null;

  const open = (problemId: string) => {
    forgetStarted(id);
    // Replaces this page: Back from the problem goes to where Generate was pressed.
    void navigate({ to: "/problems/$problemId", params: { problemId }, replace: true });
  };
  useEffect(() => {
    if (!openWhenReady || !ready) return;
    const timer = window.setTimeout(() => open(ready), OPEN_AFTER_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openWhenReady, ready]);

  const label = <T extends string>(options: { id: T; label: string }[], value: T) =>
    options.find((o) => o.id === value)?.label;
  const subject = problemWording(
    label(catalog.difficulties, generation.difficulty) ??
      fallbackDifficultyLabel(generation.difficulty),
    label(catalog.categories, generation.category) ?? generation.category,
  );
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <PracticeHeading />
      <GeneratorPanel
        labels={catalog}
        initial={{
          category: generation.category,
          difficulty: generation.difficulty,
          language: generation.language ?? undefined,
          topicHint: generation.topicHint ?? undefined,
        }}
        busy={!isFinal(generation) && error === null}
      />
      <GenerationProgress
        generation={generation}
        subject={subject}
        error={error}
        onRetry={retry}
        opening={openWhenReady && ready !== null}
        onOpen={() => ready && open(ready)}
        onBrowse={() =>
          void navigate({
            to: "/",
            search: { category: generation.category, difficulty: generation.difficulty },
            hash: "problems",
          })
        }
      />
    </div>
  );
}
