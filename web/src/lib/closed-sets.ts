import { z } from "zod/mini";

// The server's closed sets, in the order of its Java enums; closed-sets.test.ts reads those enums'
// source and fails when either side adds, drops or reorders one. Responses are validated against
// these, so a value the page does not know fails loudly instead of showing as something else.

/** execution/Verdict.java: the outcome of one test, or of a whole run. */
export const VERDICTS = [
  "PASSED",
  "COMPLETED",
  "ACCEPTED",
  "WRONG_ANSWER",
  "RUNTIME_ERROR",
  "TIME_LIMIT_EXCEEDED",
  "MEMORY_LIMIT_EXCEEDED",
  "OUTPUT_LIMIT_EXCEEDED",
  "COMPILE_ERROR",
  "INTERNAL_ERROR",
  "NOT_RUN",
] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/** The verdicts `Verdict.isSuccess()` accepts. */
export const SUCCESS_VERDICTS: readonly Verdict[] = ["PASSED", "COMPLETED", "ACCEPTED"];
export const isSuccess = (verdict: Verdict) => SUCCESS_VERDICTS.includes(verdict);

/** execution/Language.java ids, in the order the picker shows them. */
export const LANGUAGES = ["javascript", "python", "java"] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** problem/Category.java ids. */
export const CATEGORIES = [
  "arrays-hashing",
  "two-pointers",
  "strings",
  "stacks-queues",
  "binary-search",
  "linked-lists",
  "trees",
  "graphs",
  "heaps",
  "backtracking",
  "tries",
  "dynamic-programming",
  "greedy",
  "intervals",
  "math-geometry",
  "bit-manipulation",
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** problem/Difficulty.java ids. */
export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export const difficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficultySchema>;

/** problem/PublicValidation.java `Status`: how validating a problem's revision ended, or pending. */
export const VALIDATION_STATUSES = ["passed", "failed", "pending"] as const;
export const validationStatusSchema = z.enum(VALIDATION_STATUSES);
export type ValidationStatus = z.infer<typeof validationStatusSchema>;

/** execution/Comparison.java `Mode`: how a returned value is compared (checker: the problem's). */
export const COMPARISON_MODES = ["exact", "unordered", "float", "checker"] as const;
export const comparisonModeSchema = z.enum(COMPARISON_MODES);
export type ComparisonMode = z.infer<typeof comparisonModeSchema>;

/** problem/PublicValidation.java `CheckStatus`: one validation check's outcome. */
export const CHECK_STATUSES = ["passed", "failed", "skipped"] as const;
export const checkStatusSchema = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

/** generation/GenerationState.java ids: queued → running → ready or failed. */
export const GENERATION_STATES = ["queued", "running", "ready", "failed"] as const;
export const generationStateSchema = z.enum(GENERATION_STATES);
export type GenerationState = z.infer<typeof generationStateSchema>;

/** generation/GenerationStep.java ids: the steps a generation reports, also its SSE event names. */
export const GENERATION_STEPS = [
  "queued",
  "searching-bank",
  "drafting",
  "schema",
  "answers",
  "input-validator",
  "references",
  "examples",
  "stress",
  "wrong-solutions",
  "mutation",
  "amplification",
  "time-limits",
  "repairing",
  "ready",
  "failed",
] as const;
export const generationStepSchema = z.enum(GENERATION_STEPS);
export type GenerationStep = z.infer<typeof generationStepSchema>;

/** generation/GenerationSource.java ids: where a served problem came from. */
export const GENERATION_SOURCES = ["bank", "llm"] as const;
export const generationSourceSchema = z.enum(GENERATION_SOURCES);
export type GenerationSource = z.infer<typeof generationSourceSchema>;

/** generation/LlmProvider.java ids: the configured model vendor, or none (the bank only). */
export const LLM_PROVIDERS = ["none", "openai", "xai", "openai-compatible"] as const;
export const llmProviderSchema = z.enum(LLM_PROVIDERS);
export type LlmProvider = z.infer<typeof llmProviderSchema>;

/** identity/AuthMode.java ids: how the server decides who is asking (docs/security.md). */
export const AUTH_MODES = ["local", "accounts"] as const;
export const authModeSchema = z.enum(AUTH_MODES);
export type AuthMode = z.infer<typeof authModeSchema>;

/** identity/Role.java ids: what an account may do beyond its own data. */
export const ROLES = ["admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

// Attempts and submissions (docs/api.md). Not Java enums yet on this side of the merge, so the
// drift test does not read them; the contract is the source.

/** An attempt's `state`. */
export const ATTEMPT_STATES = ["open", "accepted", "given_up"] as const;
export const attemptStateSchema = z.enum(ATTEMPT_STATES);
export type AttemptState = z.infer<typeof attemptStateSchema>;

/** A submission's `state`: queued → running → finished, or failed_to_run. */
export const SUBMISSION_STATES = ["queued", "running", "finished", "failed_to_run"] as const;
export const submissionStateSchema = z.enum(SUBMISSION_STATES);
export type SubmissionState = z.infer<typeof submissionStateSchema>;

/** A test's `kind` in a submission. */
export const TEST_KINDS = ["public", "hidden"] as const;
export const testKindSchema = z.enum(TEST_KINDS);
export type TestKind = z.infer<typeof testKindSchema>;

/** An attempt event's `kind`. */
export const ATTEMPT_EVENT_KINDS = [
  "opened",
  "timer_started",
  "timer_paused",
  "timer_resumed",
  "timer_reset",
  "given_up",
  "hint_revealed",
  "solution_opened",
  "ran",
  "submitted",
  "judged",
] as const;
export const attemptEventKindSchema = z.enum(ATTEMPT_EVENT_KINDS);
export type AttemptEventKind = z.infer<typeof attemptEventKindSchema>;
