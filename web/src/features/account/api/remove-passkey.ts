import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteNoContent } from "../../../lib/api-client";
import { PASSKEYS_KEY } from "./passkeys";

/** `DELETE /api/account/passkeys/{id}`: the passkey no longer signs this account in. */
export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteNoContent(`/api/account/passkeys/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY }),
  });
}
