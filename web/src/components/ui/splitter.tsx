import type { KeyboardEvent, PointerEvent } from "react";

interface SplitterProps {
  /**
   * "vertical": a vertical bar between side-by-side panes (drags along x);
   * "horizontal": a horizontal bar between stacked panes (drags along y).
   */
  orientation: "vertical" | "horizontal";
  /** Size of the first pane in percent of the container (the splitter's parent). */
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /** What the splitter resizes, e.g. "Resize problem and editor". */
  label: string;
  /** Id of the first pane. */
  controls: string;
  className?: string;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * A window splitter (WAI-ARIA separator): drag with a pointer, or focus it and use the arrow
 * keys (Shift for bigger steps), Home and End.
 */
export function Splitter({
  orientation,
  value,
  min,
  max,
  onChange,
  label,
  controls,
  className = "",
}: SplitterProps) {
  const vertical = orientation === "vertical";

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const handle = event.currentTarget;
    const container = handle.parentElement;
    if (!container) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const rect = container.getBoundingClientRect();
    const move = (e: globalThis.PointerEvent) => {
      const ratio = vertical
        ? (e.clientX - rect.left) / rect.width
        : (e.clientY - rect.top) / rect.height;
      onChange(clamp(Math.round(ratio * 1000) / 10, min, max));
    };
    const stop = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", stop);
      handle.removeEventListener("pointercancel", stop);
      document.body.style.removeProperty("user-select");
    };
    document.body.style.userSelect = "none";
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", stop);
    handle.addEventListener("pointercancel", stop);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 10 : 2;
    const back = vertical ? "ArrowLeft" : "ArrowUp";
    const forward = vertical ? "ArrowRight" : "ArrowDown";
    let next: number | undefined;
    if (event.key === back) next = value - step;
    else if (event.key === forward) next = value + step;
    else if (event.key === "Home") next = min;
    else if (event.key === "End") next = max;
    if (next === undefined) return;
    event.preventDefault();
    onChange(clamp(next, min, max));
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-controls={controls}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(clamp((min + max) / 2, min, max))}
      className={`group relative z-10 flex shrink-0 touch-none items-center justify-center rounded outline-offset-0 ${
        vertical ? "w-2 cursor-col-resize" : "h-2 cursor-row-resize"
      } ${className}`}
    >
      <span
        aria-hidden="true"
        className={`rounded-full bg-line transition-colors group-hover:bg-accent group-focus-visible:bg-accent group-active:bg-accent ${
          vertical ? "h-8 w-1" : "h-1 w-8"
        }`}
      />
    </div>
  );
}
