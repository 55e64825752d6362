import { readJson, readString, removeKey, writeJson, writeString } from "../../../lib/storage";
import { isLanguage, type Language } from "../../../lib/closed-sets";
import { loadLastLanguage, saveLastLanguage } from "../../../lib/last-language";

// Drafts live in this browser only, one per problem and language, so switching language or
// reloading never loses code. The v1 segment lets a later format migrate instead of misreading.
const draftKey = (problemId: string, language: Language) =>
  `improview.draft.v1.${problemId}.${language}`;
const languageKey = (problemId: string) => `improview.language.${problemId}`;

export interface Draft {
  code: string;
  savedAt: number;
}

/** The saved draft, or null when there is none (or it is unreadable). */
export function loadDraft(problemId: string, language: Language): Draft | null {
  const value = readJson(draftKey(problemId, language));
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Draft).code === "string" &&
    typeof (value as Draft).savedAt === "number"
  ) {
    return value as Draft;
  }
  return null;
}

export function saveDraft(problemId: string, language: Language, code: string, now = Date.now()) {
  return writeJson(draftKey(problemId, language), { code, savedAt: now } satisfies Draft);
}

export function clearDraft(problemId: string, language: Language) {
  removeKey(draftKey(problemId, language));
}

/** The language last used on this problem, else the last one used anywhere, else JavaScript. */
export function loadLanguage(problemId: string): Language {
  const own = readString(languageKey(problemId));
  return isLanguage(own) ? own : loadLastLanguage();
}

export function saveLanguage(problemId: string, language: Language) {
  writeString(languageKey(problemId), language);
  saveLastLanguage(language);
}

/**
 * The live code of every language for one problem. Held outside React state on purpose: a
 * keystroke must not re-render the page; drafts are written from here, debounced.
 */
export class CodeBuffer {
  private readonly codes = new Map<Language, string>();

  constructor(
    private readonly problemId: string,
    private readonly starter: (language: Language) => string,
  ) {}

  get(language: Language): string {
    let code = this.codes.get(language);
    if (code === undefined) {
      code = loadDraft(this.problemId, language)?.code ?? this.starter(language);
      this.codes.set(language, code);
    }
    return code;
  }

  set(language: Language, code: string) {
    this.codes.set(language, code);
  }

  /** Writes the language's draft; returns the time saved, or null if storage refused. */
  save(language: Language, now = Date.now()): number | null {
    return saveDraft(this.problemId, language, this.get(language), now) ? now : null;
  }

  /** Forgets the draft and goes back to the starter code. */
  reset(language: Language) {
    clearDraft(this.problemId, language);
    this.codes.set(language, this.starter(language));
  }
}
