import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";

/** One passkey as `GET /api/account/passkeys` lists it: no key material, only what names it. */
export const passkeySchema = z.lazy(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    created: z.nullable(z.string()),
    lastUsed: z.nullable(z.string()),
  }),
);

export type Passkey = z.infer<typeof passkeySchema>;

export const PASSKEYS_KEY = ["account", "passkeys"] as const;

/** `GET /api/account/passkeys`: the signed-in account's passkeys, oldest first. */
export const passkeysQuery = queryOptions({
  queryKey: PASSKEYS_KEY,
  queryFn: ({ signal }) => getJson("/api/account/passkeys", z.array(passkeySchema), signal),
});
