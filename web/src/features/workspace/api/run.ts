import { useMutation } from "@tanstack/react-query";
import { z } from "zod/mini";
import { postJson } from "../../../lib/api-client";
import { verdictSchema, type Language } from "../../../lib/closed-sets";

const nullableString = z.optional(z.nullable(z.string()));

/** A value too long to echo back whole: its JSON's size and its first 1 KiB. */
const shortenedSchema = z.object({ bytes: z.number(), preview: z.string() });

export type Shortened = z.infer<typeof shortenedSchema>;

const testResultSchema = z.object({
  index: z.number(),
  kind: z.enum(["public", "custom"]),
  verdict: verdictSchema,
  // An element is null when the value is shortened (see `shortened["args[i]"]`).
  args: z.array(z.nullable(z.unknown())),
  expected: z.optional(z.unknown()),
  actual: z.optional(z.unknown()),
  stdout: nullableString,
  stdoutTruncated: z.optional(z.nullable(z.boolean())),
  stderr: nullableString,
  stderrTruncated: z.optional(z.nullable(z.boolean())),
  /** The server's wall time. */
  timeMillis: z.optional(z.nullable(z.number())),
  /** The kernel's CPU time: what decides a time limit. */
  cpuMillis: z.optional(z.nullable(z.number())),
  /** Keyed "args[0]", "args[1]", …, "expected", "actual"; absent when nothing was shortened. */
  shortened: z.optional(z.record(z.string(), shortenedSchema)),
  message: nullableString,
});

export type TestResult = z.infer<typeof testResultSchema>;

const runSchema = z.object({
  verdict: verdictSchema,
  tests: z.array(testResultSchema),
  diagnostics: z.array(
    z.object({
      line: z.number(),
      column: z.optional(z.nullable(z.number())),
      message: z.string(),
    }),
  ),
  wallMillis: z.optional(z.nullable(z.number())),
});

export type RunReport = z.infer<typeof runSchema>;

export interface RunRequest {
  problemId: string;
  language: Language;
  code: string;
  /** Present: only these run (expected then comes from the reference solution). */
  customTests?: { args: unknown[] }[];
  /** The attempt the run belongs to: the server records it there. */
  attemptId?: string;
}

/** Runs the public tests, or the given custom tests, in the server's sandbox. */
export function runCode(request: RunRequest, signal?: AbortSignal): Promise<RunReport> {
  return postJson("/api/runs", request, runSchema, { signal });
}

export function useRun() {
  return useMutation({
    mutationKey: ["run"],
    mutationFn: (request: RunRequest) => runCode(request),
  });
}
