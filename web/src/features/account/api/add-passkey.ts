import {
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
} from "@simplewebauthn/browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { postJson } from "../../../lib/api-client";
import { registrationBody } from "../model/passkey-ceremony";
import { PASSKEYS_KEY } from "./passkeys";

// Loose all the way down: the browser needs every member the server sent (rp.name above all), and
// a plain object would strip the ones not named here.
const optionsSchema = z.lazy(() =>
  z.looseObject({
    challenge: z.string(),
    rp: z.looseObject({ id: z.optional(z.string()), name: z.string() }),
  }),
);
const registeredSchema = z.object({ success: z.boolean() });

/**
 * The registration ceremony (Spring Security's endpoints): `POST /webauthn/register/options`, the
 * browser creates the passkey, `POST /webauthn/register` stores it under `label`.
 */
export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (label: string) => {
      const options = await postJson("/webauthn/register/options", undefined, optionsSchema);
      const credential = await startRegistration({
        optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
      });
      await postJson("/webauthn/register", registrationBody(credential, label), registeredSchema);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY }),
  });
}
