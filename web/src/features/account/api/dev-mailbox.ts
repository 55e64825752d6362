import { queryOptions } from "@tanstack/react-query";
import { z } from "zod/mini";
import { ApiError, getJson } from "../../../lib/api-client";

const mailsSchema = z.lazy(() =>
  z.array(z.object({ to: z.string(), subject: z.string(), link: z.string(), sentAt: z.string() })),
);

export type DevMail = z.infer<typeof mailsSchema>[number];

/** The dev mailbox's mail, newest first, or why it is off (the server's 404 detail). */
export type DevMailbox = { on: true; mails: DevMail[] } | { on: false; reason: string };

/** `GET /api/dev/mailbox`: the sign-in mail a server without SMTP would have sent. */
export const devMailboxQuery = queryOptions({
  queryKey: ["auth", "dev-mailbox"],
  queryFn: async ({ signal }): Promise<DevMailbox> => {
    try {
      return { on: true, mails: await getJson("/api/dev/mailbox", mailsSchema, signal) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        return { on: false, reason: error.message };
      }
      throw error;
    }
  },
  // New mail arrives while the page is open; asking again on focus shows it.
  staleTime: 0,
});
