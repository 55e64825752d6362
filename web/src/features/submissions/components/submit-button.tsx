import { useEffect, useRef } from "react";
import { Button, Kbd } from "../../../components/ui/button";
import type { Language } from "../../../lib/closed-sets";
import { useSubmitFlow } from "../hooks/submit-flow";
import { isBusy } from "../model/submit-flow";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);
export const SUBMIT_SHORTCUT = isMac ? "⌘ ⇧ Enter" : "Ctrl ⇧ Enter";
const SUBMIT_KEYS = isMac ? "Meta+Shift+Enter" : "Control+Shift+Enter";

interface SubmitButtonProps {
  attemptId: string | null;
  language: Language;
  /** The editor's code at the moment of the click. */
  code: () => string;
}

/** Submit, next to Run: judges the code on every test; Ctrl/Cmd+Shift+Enter anywhere on the page. */
export function SubmitButton({ attemptId, language, code }: SubmitButtonProps) {
  const flow = useSubmitFlow();
  const busy = isBusy(flow.state);
  const submit = () => {
    if (attemptId && !busy) flow.submit({ attemptId, language, code: code() });
  };
  const latest = useRef(submit);
  useEffect(() => {
    latest.current = submit;
  });
  useEffect(() => {
    // Capture phase: before the editor sees the keys (it would insert a line).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !event.shiftKey || event.altKey) return;
      if (!(isMac ? event.metaKey : event.ctrlKey)) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);

  const label =
    flow.state.status === "sending" ? "sending" : flow.state.status === "judging" ? "judging" : "";
  return (
    <Button
      variant="primary"
      onClick={submit}
      disabled={!attemptId || busy}
      aria-label="Submit for judging on every test"
      aria-keyshortcuts={SUBMIT_KEYS}
      title={attemptId ? undefined : "Opening your attempt…"}
    >
      <SubmitLabel state={label} />
      <Kbd>{SUBMIT_SHORTCUT}</Kbd>
    </Button>
  );
}

/** All labels share one grid cell, so the button is as wide as the longest and never shifts. */
function SubmitLabel({ state }: { state: "" | "sending" | "judging" }) {
  const cell = "col-start-1 row-start-1 text-center";
  const labels = [
    ["", "Submit"],
    ["sending", "Submitting…"],
    ["judging", "Judging…"],
  ] as const;
  return (
    <span className="grid" data-testid="submit-label">
      {labels.map(([key, text]) => (
        <span key={key} className={`${cell} ${state === key ? "" : "invisible"}`}>
          {text}
        </span>
      ))}
    </span>
  );
}
