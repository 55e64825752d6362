import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import { authModeSchema } from "../../../lib/closed-sets";

// The root layout imports this module, so the schema is built on first use (lib/api-client.ts).
const authOptionsSchema = z.lazy(() => z.object({ mode: authModeSchema, devMailbox: z.boolean() }));

export type AuthOptions = z.infer<typeof authOptionsSchema>;

/** `GET /api/auth/options`: whether anyone signs in here, and whether mail lands in the dev mailbox. */
export const authOptionsQuery = queryOptions({
  queryKey: ["auth", "options"],
  queryFn: ({ signal }) => getJson("/api/auth/options", authOptionsSchema, signal),
  staleTime: Infinity,
});
