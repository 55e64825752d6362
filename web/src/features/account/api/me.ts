import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { ApiError, getJson } from "../../../lib/api-client";
import { roleSchema } from "../../../lib/closed-sets";

/** An account as `GET /api/me` and a sign-in send it; `email` is null for the local account. */
export const meSchema = z.lazy(() =>
  z.object({ id: z.string(), email: z.nullable(z.string()), roles: z.array(roleSchema) }),
);

export type Me = z.infer<typeof meSchema>;

export const ME_KEY = ["auth", "me"] as const;

/** `GET /api/me`: the signed-in account, or null when nobody is (its 401 is the answer). */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await getJson("/api/me", meSchema, signal, { allowSignedOut: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
});
