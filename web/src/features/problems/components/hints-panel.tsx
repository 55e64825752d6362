import { Button } from "../../../components/ui/button";
import { FadeIn } from "../../../components/ui/fade-in";
import { Markdown } from "../../../components/ui/markdown";
import { useRevealHint } from "../api/reveal-hint";
import { useReveals } from "../api/reveals";
import type { Language } from "../../../lib/closed-sets";

/** Hints, revealed one at a time through the server, which records each reveal. */
export function HintsPanel({
  problemId,
  hintCount,
  language,
}: {
  problemId: string;
  hintCount: number;
  language: Language;
}) {
  const reveals = useReveals(problemId, language);
  const reveal = useRevealHint(problemId, reveals.attemptId);
  const hints = reveals.data?.hints ?? [];
  const next = hints.length;

  if (hintCount === 0) {
    return <p className="p-4 text-sm text-ink-muted">This problem has no hints.</p>;
  }
  return (
    <div className="space-y-3 p-4 text-sm">
      <p className="text-xs text-ink-muted">
        {hintCount} {hintCount === 1 ? "hint" : "hints"}, each a little more concrete. Revealing one
        is recorded with your attempt.
      </p>
      {reveals.isError && (
        <p role="alert" className="text-verdict-wrong">
          Could not load your revealed hints: {reveals.error.message}
        </p>
      )}
      <ol className="space-y-2" aria-label="Revealed hints">
        {hints.map((hint) => (
          <FadeIn
            as="li"
            key={hint.index}
            distance={-4}
            className="rounded-lg border border-line bg-surface-raised/60 p-3"
          >
            <h3 className="mb-1 text-xs font-semibold text-ink-muted">
              Hint {hint.index + 1} of {hintCount}
            </h3>
            <Markdown>{hint.text}</Markdown>
          </FadeIn>
        ))}
      </ol>
      {next < hintCount && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            onClick={() => reveal.mutate(next)}
            disabled={reveal.isPending || reveals.isPending}
          >
            {reveal.isPending ? "Revealing…" : `Reveal hint ${next + 1} of ${hintCount}`}
          </Button>
          <span className="text-xs text-ink-muted">This is recorded.</span>
        </div>
      )}
      {reveal.isError && (
        <p role="alert" className="text-verdict-wrong">
          {reveal.error.message}
        </p>
      )}
    </div>
  );
}
