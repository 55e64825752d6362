import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import { categorySchema, difficultySchema, languageSchema } from "../../../lib/closed-sets";

// Built on first use, like every schema the start-up code imports (lib/api-client.ts).
export const catalogSchema = z.lazy(() => {
  const options = <T extends string>(id: z.ZodMiniType<T>) =>
    z.array(z.object({ id, label: z.string() }));
  return z.object({
    categories: options(categorySchema),
    difficulties: options(difficultySchema),
    languages: options(languageSchema),
  });
});

export type Catalog = z.infer<typeof catalogSchema>;

export const catalogQuery = queryOptions({
  queryKey: ["catalog"],
  queryFn: () => getJson("/api/catalog", catalogSchema),
  staleTime: Infinity,
});
