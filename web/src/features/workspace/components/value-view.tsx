import { formatBytes } from "../../../lib/format-value";
import type { Shortened } from "../api/run";

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
