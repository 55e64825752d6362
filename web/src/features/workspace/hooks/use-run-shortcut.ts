import { useCallback, useEffect, useRef } from "react";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The run shortcut as shown to the user. */
export const RUN_SHORTCUT = isMac ? "⌘ Enter" : "Ctrl Enter";
/** The run shortcut in `aria-keyshortcuts` form. */
export const RUN_KEYS = isMac ? "Meta+Enter" : "Control+Enter";

/**
 * Ctrl/Cmd+Enter anywhere on the page calls the latest `onRun` (the editor handles the keys itself
 * and marks them handled). Returns a caller that never changes, so the editor need not re-bind.
 */
export function useRunShortcut(onRun: () => void): () => void {
  const latest = useRef(onRun);
  useEffect(() => {
    latest.current = onRun;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key !== "Enter" || event.shiftKey) return;
      if (!(isMac ? event.metaKey : event.ctrlKey)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return useCallback(() => latest.current(), []);
}
