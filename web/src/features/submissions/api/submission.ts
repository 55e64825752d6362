import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson, postJson } from "../../../lib/api-client";
import {
  languageSchema,
  submissionStateSchema,
  testKindSchema,
  verdictSchema,
  type Language,
} from "../../../lib/closed-sets";

// Optional members may be absent or null on the wire; both read as "not there".
const maybe = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));

// Built on first use (lib/api-client.ts): the attempt detail's loader, in the entry, imports these.

/** One test of a submission: verdict and time only (hidden tests never say more). */
export const submissionTestSchema = z.lazy(() =>
  z.object({
    index: z.number(),
    kind: testKindSchema,
    verdict: verdictSchema,
    timeMillis: maybe(z.number()),
    cpuMillis: maybe(z.number()),
  }),
);

/** The first test that did not pass: the only one whose arguments and values leave the server. */
export const firstFailureSchema = z.lazy(() =>
  z.object({
    index: z.number(),
    kind: testKindSchema,
    verdict: verdictSchema,
    args: maybe(z.array(z.unknown())),
    expected: z.optional(z.unknown()),
    actual: z.optional(z.unknown()),
    message: maybe(z.string()),
    stdout: maybe(z.string()),
    stderr: maybe(z.string()),
  }),
);

export const submissionSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    attemptId: z.string(),
    problemId: z.string(),
    problemVersion: z.number(),
    language: languageSchema,
    state: submissionStateSchema,
    createdAt: z.string(),
    finishedAt: maybe(z.string()),
    elapsedMillis: z.number(),
    verdict: maybe(verdictSchema),
    passed: maybe(z.number()),
    total: maybe(z.number()),
    failure: maybe(z.string()),
    tests: z.array(submissionTestSchema),
    firstFailure: maybe(firstFailureSchema),
    diagnostics: z.array(z.object({ line: z.number(), column: z.number(), message: z.string() })),
    code: maybe(z.string()),
  }),
);

export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionTest = z.infer<typeof submissionTestSchema>;
export type FirstFailure = z.infer<typeof firstFailureSchema>;

/** Still being judged: poll until it is not. */
export const isPending = (submission: Submission) =>
  submission.state === "queued" || submission.state === "running";

export interface SubmissionRequest {
  attemptId: string;
  language: Language;
  code: string;
}

/**
 * Submits code for judging. `idempotencyKey` belongs to one click: a retry of that click sends it
 * again, so the server answers with the first submission instead of judging twice.
 */
export function createSubmission(
  { attemptId, language, code }: SubmissionRequest,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<Submission> {
  return postJson(
    `/api/attempts/${encodeURIComponent(attemptId)}/submissions`,
    { language, code },
    submissionSchema,
    { signal, headers: { "Idempotency-Key": idempotencyKey } },
  );
}

export function getSubmission(id: string, signal?: AbortSignal): Promise<Submission> {
  return getJson(`/api/submissions/${encodeURIComponent(id)}`, submissionSchema, signal);
}

/** One submission with its code; a finished one never changes. */
export function submissionQuery(id: string) {
  return queryOptions({
    queryKey: ["submission", id],
    queryFn: ({ signal }) => getSubmission(id, signal),
    staleTime: Infinity,
  });
}
