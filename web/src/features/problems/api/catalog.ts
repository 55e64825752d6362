import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";

const optionSchema = z.object({ id: z.string(), label: z.string() });

export const catalogSchema = z.object({
  categories: z.array(optionSchema),
  difficulties: z.array(optionSchema),
  languages: z.array(optionSchema),
});

export type Catalog = z.infer<typeof catalogSchema>;

export const catalogQuery = queryOptions({
  queryKey: ["catalog"],
  queryFn: () => getJson("/api/catalog", catalogSchema),
  staleTime: Infinity,
});
