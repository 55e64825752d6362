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
