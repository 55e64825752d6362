import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { deleteNoContent, getJson } from "../../../lib/api-client";

// Only what the page relies on is checked; the rest of the document (docs/api.md, "Account data")
// is kept as sent, since the file the user saves must be the server's whole answer.
export const accountExportSchema = z.lazy(() =>
  z.looseObject({
    format: z.literal("improview-export"),
    formatVersion: z.number(),
    exportedAt: z.string(),
    account: z.looseObject({ id: z.string(), email: z.nullable(z.string()) }),
    sections: z.record(z.string(), z.unknown()),
  }),
);

export type AccountExport = z.infer<typeof accountExportSchema>;

/** `GET /api/account/export`: everything kept for the signed-in account. */
export function fetchAccountExport(signal?: AbortSignal): Promise<AccountExport> {
  return getJson("/api/account/export", accountExportSchema, signal);
}

/** The name the saved file gets: `improview-data-<UTC date of the export>.json`. */
export function exportFileName(exportedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(exportedAt)?.[0] ?? new Date().toISOString().slice(0, 10);
  return `improview-data-${day}.json`;
}

/**
 * What `DELETE /api/account` asks to be typed: the account's email in accounts mode, these words
 * in local mode (whose account has no email).
 */
export const LOCAL_CONFIRMATION = "delete my data";

/** Whether `typed` is what the server will accept: trimmed, and case-blind as it compares. */
export function confirmationMatches(typed: string, expected: string): boolean {
  return typed.trim().toLowerCase() === expected.trim().toLowerCase();
}

/**
 * `DELETE /api/account {"confirm"}`: the account and its data are gone (local mode: the local
 * account is emptied), and every session of it has ended, so nothing of it may stay in the cache.
 */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => deleteNoContent("/api/account", { confirm: confirm.trim() }),
    onSuccess: () => queryClient.clear(),
  });
}
