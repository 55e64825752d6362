import { useEffect, useRef, useState } from "react";
import type { Language } from "../../../lib/closed-sets";
import { useRun, type RunRequest } from "../api/run";
import type { RunOutcome } from "../components/results-panel";
import { runSummary, runSummarySentence } from "../model/run-summary";
import { LANGUAGE_LABELS } from "../model/languages";

export type ConsoleTab = "testcases" | "results";

/** The last run of one language: its outcome or error, and the code it ran. */
export interface LanguageResult {
  outcome: RunOutcome | null;
  error: Error | null;
  code: string;
}

/**
 * Runs code in the sandbox and holds what the console shows: the open tab, the pending run, the
 * last result of each language, and a sentence for screen readers about each of them. A result
 * belongs to the language and the code that produced it: another language shows its own, and a
 * result for code edited since is marked as such.
 */
export function useRunConsole(language: Language, codeOf: (language: Language) => string) {
  const run = useRun();
  const [results, setResults] = useState<Partial<Record<Language, LanguageResult>>>({});
  // Whether each language's code differs from what its result ran. The truth is computed below;
  // this only re-renders the page when an edit flips it, not on every keystroke.
  const [, setEdited] = useState<Partial<Record<Language, boolean>>>({});
  // The same flags outside React, so a keystroke that flips nothing costs no state update.
  const edited = useRef<Partial<Record<Language, boolean>>>({});
  const [pending, setPending] = useState<{ count: number; language: Language } | null>(null);
  const [tab, setTab] = useState<ConsoleTab>("testcases");
  const [announcement, setAnnouncement] = useState("");
  // Why the last run was refused before sending (invalid custom input), shown above the cases.
  const [refusal, setRefusal] = useState<string | null>(null);
  // The language shown now, read when a run ends (the user may have switched while it ran).
  const shown = useRef(language);
  useEffect(() => {
    shown.current = language;
  }, [language]);

  const start = (request: RunRequest, count: number) => {
    const custom = request.customTests !== undefined;
    const ran = request.language;
    const store = (result: LanguageResult) => {
      setResults((old) => ({ ...old, [ran]: result }));
      edited.current = { ...edited.current, [ran]: false };
      setEdited(edited.current);
    };
    setPending({ count, language: ran });
    setRefusal(null);
    setTab("results");
    setAnnouncement(`Running ${count} ${custom ? "custom" : "public"} tests…`);
    // Said with the language when the user has switched away while it ran.
    const prefix = () => (ran === shown.current ? "" : `${LANGUAGE_LABELS[ran]}: `);
    run.mutate(request, {
      onSuccess: (report) => {
        store({ outcome: { report, custom }, error: null, code: request.code });
        setAnnouncement(prefix() + runSummarySentence(runSummary(report, custom)));
      },
      onError: (error) => {
        store({ outcome: null, error, code: request.code });
        setAnnouncement(`${prefix()}The run did not complete: ${error.message}`);
      },
      onSettled: () => setPending(null),
    });
  };

  /** Call on every edit of the current language's code. */
  const noteEdit = (code: string) => {
    const result = results[language];
    if (!result) return;
    const changed = code !== result.code;
    if (edited.current[language] === changed) return;
    edited.current = { ...edited.current, [language]: changed };
    setEdited(edited.current);
  };

  /** Sends the user back to the Testcases tab with a reason instead of running. */
  const refuse = (reason: string) => {
    setTab("testcases");
    setRefusal(reason);
    setAnnouncement(reason);
  };

  const result = results[language] ?? null;
  return {
    pending: pending !== null || run.isPending,
    pendingCount: pending?.count ?? 0,
    /** The current language's last result, or null before its first run. */
    result,
    /** True when the current language's code changed since its result was produced. */
    stale: result !== null && codeOf(language) !== result.code,
    tab,
    setTab,
    announcement,
    refusal,
    start,
    noteEdit,
    refuse,
  };
}
