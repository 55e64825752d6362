import type { GenerationStep } from "../../../lib/closed-sets";

/**
 * How the progress view names each step. The one place a new step needs words: the Record makes
 * a step added to GENERATION_STEPS without a label a type error.
 */
export const STEP_LABELS: Record<GenerationStep, string> = {
  queued: "Queued",
  "searching-bank": "Searching the bank",
  drafting: "Drafting",
  schema: "Format",
  answers: "Answers from the solutions",
  "input-validator": "Inputs within the constraints",
  references: "Reference solutions",
  examples: "Examples match",
  stress: "Brute force agrees",
  "wrong-solutions": "Wrong solutions rejected",
  mutation: "Mutants killed",
  amplification: "Hidden tests strengthened",
  "time-limits": "Time limits",
  repairing: "Repairing",
  ready: "Ready",
  failed: "Failed",
};

/** The steps that end a generation (the stream closes after them). */
export const isFinalStep = (step: GenerationStep) => step === "ready" || step === "failed";

/**
 * A step's message as shown beside its label: without the words that only repeat the label. The
 * server's queued step says "Queued" and its ready step "Ready: Two Sum, proven in 1 round", which
 * read "Queued Queued" and "Ready Ready: …" next to the label; anything else is kept as sent.
 */
export function stepMessage(step: GenerationStep, message: string): string {
  const label = STEP_LABELS[step].toLowerCase();
  const text = message.trim();
  const lower = text.toLowerCase();
  if (lower === label || lower === `${label}.`) return "";
  if (lower.startsWith(`${label}:`)) return text.slice(label.length + 1).trimStart();
  return message;
}
