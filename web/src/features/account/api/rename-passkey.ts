import { useMutation, useQueryClient } from "@tanstack/react-query";
import { patchJson } from "../../../lib/api-client";
import { PASSKEYS_KEY, passkeySchema } from "./passkeys";

/** `PATCH /api/account/passkeys/{id}` with the new label; 404 unless it is this account's. */
export function useRenamePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, label }: { id: string; label: string }) =>
      patchJson(
        `/api/account/passkeys/${encodeURIComponent(id)}`,
        { label: label.trim() },
        passkeySchema,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY }),
  });
}
