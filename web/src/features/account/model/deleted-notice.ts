import { readString, removeKey, writeString } from "../../../lib/storage";

// Set just before leaving the account page after a deletion, read once by the page it lands on
// (the sign-in page, or practice in local mode), even when that page came by a full load.
const KEY = "improview.account.deleted";

export const DELETED_NOTICE = "Your account and data were deleted.";

export function rememberDeleted(): void {
  writeString(KEY, "1");
}

export function deletedPending(): boolean {
  return readString(KEY) !== null;
}

export function forgetDeleted(): void {
  removeKey(KEY);
}
