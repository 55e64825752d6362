import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import {
  categorySchema,
  comparisonModeSchema,
  difficultySchema,
  languageSchema,
} from "../../../lib/closed-sets";
import { parseSignature, type RawSignature, type Signature } from "../../../lib/value-type";

// Built on first use, like every schema the start-up code imports (lib/api-client.ts).
export const problemSchema = z.lazy(() => {
  const exampleSchema = z.object({
    args: z.array(z.unknown()),
    output: z.unknown(),
    explanation: z.optional(z.string()),
  });

  const paramsSchema = z.array(z.object({ name: z.string(), type: z.string() }));
  const rawSignatureSchema = z.union([
    z.object({
      kind: z.optional(z.literal("function")),
      function: z.string(),
      params: paramsSchema,
      returns: z.string(),
    }),
    z.object({
      kind: z.literal("class"),
      className: z.string(),
      constructor: z.object({ params: paramsSchema }),
      methods: z.array(z.object({ name: z.string(), params: paramsSchema, returns: z.string() })),
    }),
  ]);
  // Parsed here, once: a type name this page does not know fails the response, as a verdict it
  // does not know does, rather than showing a value as something it is not.
  const signatureSchema = z.pipe(
    rawSignatureSchema,
    z.transform((raw: RawSignature, context): Signature => {
      const parsed = parseSignature(raw);
      if (parsed.ok) return parsed.value;
      context.issues.push({ code: "custom", message: parsed.error, input: raw });
      return z.NEVER;
    }),
  );

  // Every language, or the schema rejects it (a record keyed by an enum is exhaustive).
  const byLanguage = z.record(languageSchema, z.string());

  return z.object({
    id: z.string(),
    version: z.number(),
    title: z.string(),
    category: categorySchema,
    difficulty: difficultySchema,
    tags: z.array(z.string()),
    estimatedMinutes: z.number(),
    statement: z.string(),
    constraints: z.array(z.string()),
    signature: signatureSchema,
    examples: z.array(exampleSchema),
    publicTests: z.array(z.object({ args: z.array(z.unknown()), expected: z.unknown() })),
    hintCount: z.number(),
    hiddenTestCount: z.number(),
    // Required: the server generates starter code (problem/StarterCode.java); a response without
    // it fails validation and the page shows why, rather than the web inventing code.
    starterCode: byLanguage,
    // Optional so the page still opens against a server that predates it.
    comparison: z.optional(
      z.object({
        mode: comparisonModeSchema,
        tolerance: z.optional(z.nullable(z.number())),
      }),
    ),
  });
});

export type Problem = z.infer<typeof problemSchema>;

export function problemQuery(id: string) {
  return queryOptions({
    queryKey: ["problem", id],
    queryFn: () => getJson(`/api/problems/${encodeURIComponent(id)}`, problemSchema),
  });
}
