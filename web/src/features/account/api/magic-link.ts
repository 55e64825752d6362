import { useMutation } from "@tanstack/react-query";
import { z } from "zod/mini";
import { postJson } from "../../../lib/api-client";

const acceptedSchema = z.object({ detail: z.string() });

/**
 * `POST /api/auth/magic-link`: mails a sign-in link. The server answers the same 202 sentence
 * whoever asks, so the page shows that sentence rather than claiming a mail was sent.
 */
export function useRequestMagicLink() {
  return useMutation({
    mutationFn: (email: string) => postJson("/api/auth/magic-link", { email }, acceptedSchema),
  });
}
