import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";

// Built on first use, like every schema the start-up code imports (lib/api-client.ts).
export const catalogSchema = z.lazy(() => {
  const optionSchema = z.object({ id: z.string(), label: z.string() });
  return z.object({
    categories: z.array(optionSchema),
    difficulties: z.array(optionSchema),
    languages: z.array(optionSchema),
  });
});

export type Catalog = z.infer<typeof catalogSchema>;

export const catalogQuery = queryOptions({
  queryKey: ["catalog"],
  queryFn: () => getJson("/api/catalog", catalogSchema),
  staleTime: Infinity,
});
