import { useRef, type KeyboardEvent } from "react";

/** The workspace's panes; on a narrow screen one at a time. */
export type WorkspacePane = "problem" | "code" | "result";

const PANES: { id: WorkspacePane; label: string; controls: string }[] = [
  { id: "problem", label: "Problem", controls: "problem-pane" },
  { id: "code", label: "Code", controls: "editor-pane" },
  { id: "result", label: "Result", controls: "console-pane" },
];

/**
 * Problem / Code / Result on a narrow screen (a phone), where the three panes cannot sit side by
 * side: each then fills the screen below the header. Hidden from lg up, where all three show.
 */
export function PaneTabs({
  value,
  onChange,
  note,
}: {
  value: WorkspacePane;
  onChange: (pane: WorkspacePane) => void;
  /** A short state after the Result label, e.g. that a run is in progress. */
  note?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = PANES.findIndex((p) => p.id === value);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + PANES.length) % PANES.length;
    onChange(PANES[next]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div
      ref={list}
      role="tablist"
      aria-label="Workspace"
      onKeyDown={onKeyDown}
      className="grid shrink-0 grid-cols-3 border-b border-line bg-surface lg:hidden"
    >
      {PANES.map((pane) => {
        const selected = pane.id === value;
        return (
          <button
            key={pane.id}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={pane.controls}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(pane.id)}
            className={`relative py-2 text-sm ${selected ? "font-medium text-ink" : "text-ink-muted"}`}
          >
            {pane.label}
            {pane.id === "result" && note && (
              <span className="ml-1.5 text-xs text-ink-muted">{note}</span>
            )}
            {selected && (
              <span
                aria-hidden="true"
                className="absolute inset-x-6 bottom-0 h-0.5 rounded-full bg-accent"
              />
            )}
          </button>
        );
      })}
    </div>
  );
}

/** The classes that hide a pane on a narrow screen unless it is the one shown. */
export const narrowPane = (shown: boolean) => (shown ? "max-lg:flex-1" : "max-lg:hidden");
