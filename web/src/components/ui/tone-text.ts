import type { BadgeTone } from "./badge";

/** Text in a badge tone's colour, for headlines that say a verdict in words. */
export const toneText: Record<BadgeTone, string> = {
  neutral: "text-ink-muted",
  easy: "text-easy",
  medium: "text-medium",
  hard: "text-hard",
  accepted: "text-verdict-accepted",
  wrong: "text-verdict-wrong",
  limit: "text-verdict-limit",
  error: "text-verdict-error",
  internal: "text-verdict-internal",
};
