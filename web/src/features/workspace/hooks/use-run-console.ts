import { useState } from "react";
import type { Language } from "../../../lib/closed-sets";
import { useRun, type RunRequest } from "../api/run";
import type { RunOutcome } from "../components/results-panel";
import { runSummary, runSummarySentence } from "../model/run-summary";

export type ConsoleTab = "testcases" | "results";

/** A run's outcome and the language it ran in (diagnostics apply to that language's code only). */
export type LanguageOutcome = RunOutcome & { language: Language };

/**
 * Runs code in the sandbox and holds what the console shows: the open tab, the pending run, the
 * last outcome, and a sentence for screen readers about each of them.
 */
export function useRunConsole() {
  const run = useRun();
  const [outcome, setOutcome] = useState<LanguageOutcome | null>(null);
  const [pendingCount, setPendingCount] = useState(0);
  const [tab, setTab] = useState<ConsoleTab>("testcases");
  const [announcement, setAnnouncement] = useState("");
  // Why the last run was refused before sending (invalid custom input), shown above the cases.
  const [refusal, setRefusal] = useState<string | null>(null);

  const start = (request: RunRequest, count: number) => {
    const custom = request.customTests !== undefined;
    setPendingCount(count);
    setRefusal(null);
    setTab("results");
    setAnnouncement(`Running ${count} ${custom ? "custom" : "public"} tests…`);
    run.mutate(request, {
      onSuccess: (report) => {
        setOutcome({ report, custom, language: request.language });
        setAnnouncement(runSummarySentence(runSummary(report, custom)));
      },
      onError: (error) => setAnnouncement(`The run did not complete: ${error.message}`),
    });
  };

  /** Sends the user back to the Testcases tab with a reason instead of running. */
  const refuse = (reason: string) => {
    setTab("testcases");
    setRefusal(reason);
    setAnnouncement(reason);
  };

  return {
    pending: run.isPending,
    error: run.error,
    pendingCount,
    outcome,
    tab,
    setTab,
    announcement,
    refusal,
    start,
    refuse,
  };
}
