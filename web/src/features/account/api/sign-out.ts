import { useMutation, useQueryClient } from "@tanstack/react-query";
import { postNoContent } from "../../../lib/api-client";

/**
 * `POST /api/auth/sign-out` (this session) or `/api/auth/sign-out-everywhere` (every session of
 * the account, on every device). Afterwards nothing of the account stays in the page's cache.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (where: "here" | "everywhere") =>
      postNoContent(where === "here" ? "/api/auth/sign-out" : "/api/auth/sign-out-everywhere"),
    onSuccess: () => queryClient.clear(),
  });
}
