import { useEffect, useRef } from "react";
import { Button } from "../../../components/ui/button";
import { errorText } from "../../../lib/error-text";
import type { Generation } from "../api/generation";
import { stepRows, type RowStatus } from "../model/progress";
import { STEP_LABELS, stepMessage } from "../model/steps";
import { SOURCE_WORDING, sinceStart } from "../model/wording";

interface GenerationProgressProps {
  generation: Generation;
  /** "an easy Graphs problem": what was asked for. */
  subject: string;
  /** Why the watch stopped before the generation ended (the server could not be read). */
  error: unknown;
  onRetry: () => void;
  /** Ready, and the problem opens by itself in a moment. */
  opening: boolean;
  onOpen: () => void;
  onBrowse: () => void;
}

/**
 * The steps of one generation as they arrive: a tick for each done, a marker on the one under way,
 * each with the server's message. Ready offers the problem; failed says why and offers the bank.
 */
export function GenerationProgress({
  generation,
  subject,
  error,
  onRetry,
  opening,
  onOpen,
  onBrowse,
}: GenerationProgressProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus follows the request here, so a screen reader hears the steps that follow.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const rows = stepRows(generation);
  const { state, source, reason } = generation;
  const title =
    state === "ready"
      ? `Ready: ${subject}${source ? ` ${SOURCE_WORDING[source]}` : ""}`
      : state === "failed"
        ? `No ${subject.replace(/^an? /, "")} this time`
        : `Generating ${subject}`;
  return (
    <section
      aria-labelledby="generation-heading"
      className="mt-4 rounded-lg border border-line bg-surface p-4"
    >
      <h2 id="generation-heading" ref={heading} tabIndex={-1} className="text-sm font-semibold">
        {title}
      </h2>
      <ol aria-label="Steps" aria-live="polite" className="mt-3 flex flex-col gap-2">
        {rows.map(({ event, status }) => {
          const message = stepMessage(event.step, event.message);
          return (
            <li key={event.seq} data-status={status} className="flex items-baseline gap-3 text-sm">
              <StepMark status={status} />
              <span className="min-w-0 flex-1" data-step>
                <span className="mr-2 font-medium">
                  {STEP_LABELS[event.step]}
                  {status === "current" ? "…" : ""}
                </span>
                {message && (
                  <>
                    {" "}
                    <span className="text-ink-muted">{message}</span>
                  </>
                )}
              </span>
              <time dateTime={event.at} className="shrink-0 text-xs text-ink-muted tabular-nums">
                {sinceStart(generation.createdAt, event.at)}
              </time>
            </li>
          );
        })}
      </ol>
      {state === "ready" && generation.problemId && (
        <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
          <Button variant="primary" onClick={onOpen}>
            Open problem
          </Button>
          {opening && <span className="text-ink-muted">Opening it…</span>}
        </div>
      )}
      {state === "failed" && (
        <div className="mt-4 text-sm">
          {/* The failed step usually says it already; the reason is repeated only when it adds. */}
          {reason && reason !== rows.at(-1)?.event.message && (
            <p data-testid="generation-reason">{reason}</p>
          )}
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <Button variant="primary" onClick={onBrowse}>
              Browse the bank
            </Button>
            <span className="text-ink-muted">or change the choices above and generate again.</span>
          </div>
        </div>
      )}
      {error !== null && <WatchError error={error} onRetry={onRetry} />}
    </section>
  );
}

function WatchError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const text = errorText(error, "generation");
  return (
    <div role="alert" className="mt-4 text-sm">
      <p className="font-medium text-verdict-wrong">Lost track of this generation: {text.title}</p>
      {text.detail && <p className="mt-0.5 text-xs break-words text-ink-muted">{text.detail}</p>}
      {text.retry && (
        <Button className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

/** A tick (done), a breathing dot (under way; still with reduced motion), a cross (failed). */
function StepMark({ status }: { status: RowStatus }) {
  const box = "relative top-0.5 size-3.5 shrink-0";
  if (status === "current") {
    return (
      <span className={`${box} flex items-center justify-center`}>
        <span className="size-2 rounded-full bg-accent motion-safe:animate-pulse" />
        <span className="sr-only">under way</span>
      </span>
    );
  }
  const paths: Record<Exclude<RowStatus, "current">, { d: string; tone: string; name: string }> = {
    done: { d: "M3 8.5l3 3 7-7", tone: "text-verdict-accepted", name: "done" },
    stopped: { d: "M4 8h8", tone: "text-ink-muted", name: "stopped here" },
    failed: { d: "M4 4l8 8M12 4l-8 8", tone: "text-verdict-wrong", name: "failed" },
  };
  const mark = paths[status];
  return (
    <svg viewBox="0 0 16 16" className={`${box} ${mark.tone}`} role="img" aria-label={mark.name}>
      <path d={mark.d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
