import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postForm } from "../../../lib/api-client";
import { ME_KEY, meSchema } from "./me";

/**
 * `POST /api/auth/magic-link/sign-in` with the link's token as a form field: 200 with the account
 * and a session, or 401 `sign-in-failed` for a token that is unknown, used or expired. Whatever was
 * fetched while signed out is dropped, so every page asks again as the new account.
 */
export function useMagicLinkSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => postForm("/api/auth/magic-link/sign-in", { token }, meSchema),
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}
