import { useCallback, useEffect, useRef, useState } from "react";
import { CodeBuffer, loadDraft, loadLanguage, saveLanguage } from "../model/drafts";
import type { Language } from "../../../lib/closed-sets";

const SAVE_DELAY_MS = 400;

/**
 * The chosen language and the code of every language for one problem, autosaved as drafts shortly
 * after typing stops, and at once when the page is left or hidden.
 */
export function useDrafts(problemId: string, starter: (language: Language) => string) {
  const [language, setLanguage] = useState<Language>(() => loadLanguage(problemId));
  // The code of every language, kept outside React state: typing must not re-render the page.
  const [codes] = useState(() => new CodeBuffer(problemId, starter));
  // Bumped on reset, so the editor opens a fresh document with the starter code.
  const [generation, setGeneration] = useState(0);
  const [savedAt, setSavedAt] = useState<number | null>(
    () => loadDraft(problemId, language)?.savedAt ?? null,
  );
  const pendingSave = useRef<number | undefined>(undefined);

  const flush = useCallback(() => {
    if (pendingSave.current === undefined) return;
    window.clearTimeout(pendingSave.current);
    pendingSave.current = undefined;
    const saved = codes.save(language, Date.now());
    if (saved) setSavedAt(saved);
  }, [codes, language]);

  /** Writes the draft now, even if nothing is pending (`:w`); returns whether storage took it. */
  const saveNow = () => {
    window.clearTimeout(pendingSave.current);
    pendingSave.current = undefined;
    const saved = codes.save(language, Date.now());
    if (saved) setSavedAt(saved);
    return saved !== null;
  };

  const change = (code: string) => {
    codes.set(language, code);
    window.clearTimeout(pendingSave.current);
    pendingSave.current = window.setTimeout(flush, SAVE_DELAY_MS);
  };

  // Leaving the page or hiding the tab writes the draft at once.
  useEffect(() => {
    const onLeave = () => flush();
    window.addEventListener("pagehide", onLeave);
    document.addEventListener("visibilitychange", onLeave);
    return () => {
      onLeave();
      window.removeEventListener("pagehide", onLeave);
      document.removeEventListener("visibilitychange", onLeave);
    };
  }, [flush]);

  const changeLanguage = (next: Language) => {
    flush();
    setLanguage(next);
    setSavedAt(loadDraft(problemId, next)?.savedAt ?? null);
    saveLanguage(problemId, next);
  };

  /** Forgets the current language's draft and goes back to its starter code. */
  const reset = () => {
    window.clearTimeout(pendingSave.current);
    pendingSave.current = undefined;
    codes.reset(language);
    setSavedAt(null);
    setGeneration((g) => g + 1);
  };

  return {
    language,
    changeLanguage,
    /** When the current language's draft was last written, or null while it is the starter code. */
    savedAt,
    code: (of: Language) => codes.get(of),
    change,
    flush,
    saveNow,
    reset,
    /** Identifies the editor's document: a new key means a new document. */
    documentKey: `${problemId}:${language}:${generation}`,
  };
}
