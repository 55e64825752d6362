import { safeNext } from "../../../lib/next-path";
import { readString, removeKey, writeString } from "../../../lib/storage";

// The mailed link carries only its token, and often opens in another tab; where the user was
// going is kept here between asking for the link and using it.
const KEY = "improview.sign-in.next";

export function rememberNext(next: string): void {
  const path = safeNext(next);
  if (path === "/") removeKey(KEY);
  else writeString(KEY, path);
}

/** The page to open after signing in: `next` if the link gave one, else the remembered one. */
export function takeNext(next: string | undefined): string {
  const remembered = readString(KEY);
  removeKey(KEY);
  return safeNext(next ?? remembered);
}
