import type { GenerationStep } from "../../../lib/closed-sets";

/**
 * How the progress view names each step. The one place a new step needs words: the Record makes
 * a step added to GENERATION_STEPS without a label a type error.
 */
export const STEP_LABELS: Record<GenerationStep, string> = {
  queued: "Queued",
  "searching-bank": "Searching the bank",
  ready: "Ready",
  failed: "Failed",
};

/** The steps that end a generation (the stream closes after them). */
export const isFinalStep = (step: GenerationStep) => step === "ready" || step === "failed";
