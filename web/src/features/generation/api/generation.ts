import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson, postJson } from "../../../lib/api-client";
import {
  categorySchema,
  checkStatusSchema,
  difficultySchema,
  generationSourceSchema,
  generationStateSchema,
  generationStepSchema,
  languageSchema,
  type Category,
  type Difficulty,
  type Language,
} from "../../../lib/closed-sets";

// Built on first use (lib/api-client.ts says why): the home page's bundle imports these.

/** One step a generation reported; `seq` orders them and is the SSE event's id. */
export const generationEventSchema = z.lazy(() =>
  z.object({
    seq: z.number(),
    step: generationStepSchema,
    /** How a checking step ended; null for news such as queued or drafting. */
    outcome: z.optional(z.nullable(checkStatusSchema)),
    at: z.string(),
    message: z.string(),
    problemId: z.nullable(z.string()),
  }),
);

export const generationSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    category: categorySchema,
    difficulty: difficultySchema,
    language: z.nullable(languageSchema),
    topicHint: z.nullable(z.string()),
    state: generationStateSchema,
    source: z.nullable(generationSourceSchema),
    problemId: z.nullable(z.string()),
    /** One sentence when it failed. */
    reason: z.nullable(z.string()),
    createdAt: z.string(),
    finishedAt: z.nullable(z.string()),
    events: z.array(generationEventSchema),
  }),
);

export type Generation = z.infer<typeof generationSchema>;
export type GenerationEvent = z.infer<typeof generationEventSchema>;

export const isFinal = (generation: Pick<Generation, "state">) =>
  generation.state === "ready" || generation.state === "failed";

/** The server's limit on a topic hint's length. */
export const TOPIC_HINT_MAX = 200;

export interface GenerationRequest {
  category: Category;
  difficulty: Difficulty;
  language?: Language;
  topicHint?: string;
}

/** Asks for a problem; the server answers 202 with the generation, which then runs on its own. */
export function createGeneration(request: GenerationRequest, signal?: AbortSignal) {
  return postJson("/api/generations", request, generationSchema, { signal });
}

export const generationPath = (id: string) => `/api/generations/${encodeURIComponent(id)}`;

export function getGeneration(id: string, signal?: AbortSignal): Promise<Generation> {
  return getJson(generationPath(id), generationSchema, signal);
}

/**
 * One generation as last seen. Never refetched on its own: while it runs, the progress view keeps
 * this entry current from the event stream.
 */
export function generationQuery(id: string) {
  return queryOptions({
    queryKey: ["generation", id],
    queryFn: ({ signal }) => getGeneration(id, signal),
    staleTime: Infinity,
  });
}
