import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod/mini";
import { ApiError, postJson } from "../../../lib/api-client";
import { languageSchema, type Language } from "../../../lib/closed-sets";

/** The server's timer, computed at the moment of its answer. */
const timerSchema = z.object({
  elapsedMillis: z.number(),
  running: z.boolean(),
  started: z.boolean(),
  estimateMinutes: z.number(),
});

export type ServerTimer = z.infer<typeof timerSchema>;

/** What the attempt has revealed: hints in order, and whether the solution was opened. */
const revealsSchema = z.object({
  hints: z.array(z.object({ index: z.number(), text: z.string() })),
  solutionViewed: z.boolean(),
});

export type Reveals = z.infer<typeof revealsSchema>;
export type RevealedHint = Reveals["hints"][number];

const attemptSchema = z.object({
  id: z.string(),
  problemId: z.string(),
  problemVersion: z.number(),
  language: languageSchema,
  state: z.string(),
  startedAt: z.string(),
  timer: timerSchema,
  reveals: revealsSchema,
});

export type Attempt = z.infer<typeof attemptSchema>;

export type TimerAction = "start" | "pause" | "resume" | "reset";

/** Opens the user's attempt at the problem, or resumes the one still open (then `language` is ignored). */
export function openAttempt(problemId: string, language: Language): Promise<Attempt> {
  return postJson("/api/attempts", { problemId, language }, attemptSchema);
}

/**
 * Drives the timer. An action that makes no sense now (e.g. `start` after another tab started it)
 * is a 409 carrying the current timer: that timer is the answer, so the page shows the truth.
 */
export async function timerAction(attemptId: string, action: TimerAction): Promise<ServerTimer> {
  try {
    // A pause is often sent as the page goes away: keepalive lets it arrive anyway.
    return await postJson(`/api/attempts/${attemptId}/timer`, { action }, timerSchema, {
      keepalive: action === "pause",
    });
  } catch (error) {
    const current = timerInConflict(error);
    if (current) return current;
    throw error;
  }
}

/** Tells the server the page is still open; it counts a running timer only up to the last one. */
export function heartbeat(attemptId: string): Promise<ServerTimer> {
  return postJson(`/api/attempts/${attemptId}/heartbeat`, undefined, timerSchema);
}

function timerInConflict(error: unknown): ServerTimer | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  if (!error.type?.endsWith("/timer-state")) return undefined;
  const body = z.object({ timer: timerSchema }).safeParse(error.body);
  return body.success ? body.data.timer : undefined;
}

/**
 * The attempt for this visit: opened once per problem, re-opened on the next visit. The problem
 * pane reads its reveals from the same query.
 */
export function attemptQuery(problemId: string, language: Language) {
  return queryOptions({
    queryKey: ["attempt", problemId],
    queryFn: () => openAttempt(problemId, language),
    // The timer is kept fresh by actions and heartbeats, not by refetching.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: 1,
  });
}

export function useOpenAttempt(problemId: string, language: Language) {
  return useQuery(attemptQuery(problemId, language));
}
