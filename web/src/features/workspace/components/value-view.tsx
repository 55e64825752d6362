import { formatBytes, formatValue } from "../../../lib/format-value";
import type { Shortened } from "../api/run";
import type { Segment } from "../model/value-diff";

/** A value in monospace; segments flagged as different are highlighted and announced. */
export function SegmentsView({
  segments,
  tone,
}: {
  segments: Segment[];
  tone: "expected" | "actual";
}) {
  return (
    <code className="font-mono break-all whitespace-pre-wrap">
      {segments.map((segment, i) =>
        segment.diff ? (
          <mark
            key={i}
            className={`rounded-sm px-0.5 ${
              tone === "actual"
                ? "bg-verdict-wrong/15 text-verdict-wrong"
                : "bg-verdict-accepted/15 text-verdict-accepted"
            }`}
          >
            <span className="sr-only">{tone === "actual" ? "(differs: " : "(expected: "}</span>
            {segment.text}
            <span className="sr-only">)</span>
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </code>
  );
}

export function ValueView({ value }: { value: unknown }) {
  return <code className="font-mono break-all whitespace-pre-wrap">{formatValue(value)}</code>;
}

/** A value the server did not send whole: the start of its JSON, then how much is left out. */
export function ShortenedView({ shortened }: { shortened: Shortened }) {
  const shown = new TextEncoder().encode(shortened.preview).length;
  return (
    <>
      <code className="font-mono break-all whitespace-pre-wrap">{shortened.preview}</code>{" "}
      <span className="text-xs text-ink-muted">
        … shortened: {formatBytes(shortened.bytes)} in all, the first {formatBytes(shown)} shown
      </span>
    </>
  );
}
