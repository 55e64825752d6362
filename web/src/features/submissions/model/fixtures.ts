import type { Submission } from "../api/submission";

/** A finished submission as the server sends it, with the given fields changed. */
export function submission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: "11111111-1111-4111-8111-111111111111",
    attemptId: "22222222-2222-4222-8222-222222222222",
    problemId: "two-sum",
    problemVersion: 1,
    language: "javascript",
    state: "finished",
    createdAt: "2025-01-01T10:00:00Z",
    finishedAt: "2025-01-01T10:00:02Z",
    elapsedMillis: 18 * 60_000 + 40_000,
    verdict: "ACCEPTED",
    passed: 15,
    total: 15,
    tests: [],
    diagnostics: [],
    ...overrides,
  };
}
