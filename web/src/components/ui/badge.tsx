import type { ReactNode } from "react";

const tones = {
  neutral: "bg-surface-raised text-ink-muted",
  easy: "bg-easy/12 text-easy",
  medium: "bg-medium/12 text-medium",
  hard: "bg-hard/12 text-hard",
  accepted: "bg-verdict-accepted/12 text-verdict-accepted",
  wrong: "bg-verdict-wrong/12 text-verdict-wrong",
  limit: "bg-verdict-limit/12 text-verdict-limit",
  error: "bg-verdict-error/12 text-verdict-error",
  internal: "bg-verdict-internal/12 text-verdict-internal",
} as const;

export type BadgeTone = keyof typeof tones;

/** A small label; tones map onto the theme's difficulty and verdict palette. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
