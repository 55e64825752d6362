import {
  startAuthentication,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { postJson } from "../../../lib/api-client";
import { authenticationBody } from "../model/passkey-ceremony";
import { ME_KEY, meSchema } from "./me";

const optionsSchema = z.lazy(() => z.looseObject({ challenge: z.string() }));

/**
 * The sign-in ceremony: `POST /webauthn/authenticate/options`, the browser offers this site's
 * passkeys, `POST /login/webauthn` checks the assertion: 200 with the account and a session, as a
 * magic link ends, or 401 `sign-in-failed`.
 */
export function usePasskeySignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const options = await postJson("/webauthn/authenticate/options", undefined, optionsSchema);
      const credential = await startAuthentication({
        optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
      });
      return postJson("/login/webauthn", authenticationBody(credential), meSchema);
    },
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}
