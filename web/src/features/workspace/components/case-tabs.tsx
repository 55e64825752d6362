import { useRef, type KeyboardEvent } from "react";
import type { BadgeTone } from "../../../components/ui/badge";
import { verdictPresentation } from "../../../components/ui/verdict";
import type { TestResult } from "../api/run";

// The verdict palette as dots; a test that did not run is an empty ring.
const dots: Record<BadgeTone, string> = {
  neutral: "border border-ink-muted",
  easy: "bg-easy",
  medium: "bg-medium",
  hard: "bg-hard",
  accepted: "bg-verdict-accepted",
  wrong: "bg-verdict-wrong",
  limit: "bg-verdict-limit",
  error: "bg-verdict-error",
  internal: "bg-verdict-internal",
};

interface CaseTabsProps {
  tests: TestResult[];
  selected: number;
  onSelect: (index: number) => void;
  /** The id of the panel the tabs control. */
  panelId: string;
}

/** One tab per case ("Test 1 ●"), as on the big practice sites; arrows, Home and End move. */
export function CaseTabs({ tests, selected, onSelect, panelId }: CaseTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const last = tests.length - 1;
    const next =
      event.key === "ArrowRight"
        ? selected === last
          ? 0
          : selected + 1
        : event.key === "ArrowLeft"
          ? selected === 0
            ? last
            : selected - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(next);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div
      ref={list}
      role="tablist"
      aria-label="Test results"
      onKeyDown={onKeyDown}
      className="flex flex-wrap gap-1"
    >
      {tests.map((test, i) => {
        const { label, tone } = verdictPresentation(test.verdict);
        const isSelected = i === selected;
        return (
          <button
            key={`${test.kind}-${test.index}`}
            type="button"
            role="tab"
            id={`${panelId}-tab-${i}`}
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            data-verdict={test.verdict}
            onClick={() => onSelect(i)}
            className={`flex items-center gap-1.5 rounded-md px-2.5 py-1 text-[13px] ${
              isSelected
                ? "bg-surface-raised text-ink"
                : "text-ink-muted hover:bg-surface-raised/60 hover:text-ink"
            }`}
          >
            <span aria-hidden="true" className={`size-2 rounded-full ${dots[tone]}`} />
            {test.kind === "custom" ? "Case" : "Test"} {test.index + 1}
            <span className="sr-only">, {label.toLowerCase()}</span>
          </button>
        );
      })}
    </div>
  );
}
