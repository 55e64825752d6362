import { isLanguage, type Language } from "./closed-sets";
import { readString, writeString } from "./storage";

// The language the user last worked in, anywhere: the workspace opens a new problem in it and the
// generator offers it first. One key, read and written only here.
const LAST_LANGUAGE_KEY = "improview.language";

/** The last language used, else JavaScript. */
export function loadLastLanguage(): Language {
  const last = readString(LAST_LANGUAGE_KEY);
  return isLanguage(last) ? last : "javascript";
}

export function saveLastLanguage(language: Language) {
  writeString(LAST_LANGUAGE_KEY, language);
}
