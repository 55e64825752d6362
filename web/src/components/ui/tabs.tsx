import { FadeIn } from "./fade-in";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** A short count or state after the label, e.g. "1/3". */
  note?: string;
}

interface TabsProps<T extends string> {
  /** Accessible name of the tab list. */
  label: string;
  /** Unique on the page: tab and panel ids derive from it. */
  idBase: string;
  items: TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Controls at the right end of the tab bar. */
  actions?: ReactNode;
  /** The selected tab's panel. */
  children: ReactNode;
  panelClassName?: string;
}

/**
 * WAI-ARIA tabs: arrow keys, Home and End move between tabs (automatic activation), Tab moves
 * into the panel. The new panel fades in; with reduced motion it simply appears.
 */
export function Tabs<T extends string>({
  label,
  idBase,
  items,
  value,
  onChange,
  actions,
  children,
  panelClassName = "",
}: TabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  // The first panel renders as is (no fade on page load, nothing hidden before paint).
  const [interacted, setInteracted] = useState(false);
  const select = (id: T) => {
    setInteracted(true);
    onChange(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.id === value);
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % items.length
        : event.key === "ArrowLeft"
          ? (index - 1 + items.length) % items.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? items.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const item = items[next]!;
    select(item.id);
    listRef.current?.querySelector<HTMLElement>(`#${idBase}-tab-${item.id}`)?.focus();
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex h-9 shrink-0 items-center gap-2 border-b border-line px-1.5">
        <div
          ref={listRef}
          role="tablist"
          aria-label={label}
          onKeyDown={onKeyDown}
          className="flex items-center gap-0.5"
        >
          {items.map((item) => {
            const selected = item.id === value;
            return (
              <button
                key={item.id}
                type="button"
                role="tab"
                id={`${idBase}-tab-${item.id}`}
                aria-selected={selected}
                aria-controls={`${idBase}-panel`}
                tabIndex={selected ? 0 : -1}
                onClick={() => select(item.id)}
                className={`relative rounded-md px-2.5 py-1 text-sm transition-colors ${
                  selected ? "text-ink" : "text-ink-muted hover:bg-surface-raised hover:text-ink"
                }`}
              >
                {item.label}
                {item.note && (
                  <span className="ml-1.5 text-xs text-ink-muted tabular-nums">{item.note}</span>
                )}
                {selected && (
                  <span
                    aria-hidden="true"
                    className="absolute inset-x-2 -bottom-[5px] h-0.5 rounded-full bg-accent"
                  />
                )}
              </button>
            );
          })}
        </div>
        <div className="ml-auto flex items-center gap-1 pr-1">{actions}</div>
      </div>
      <FadeIn
        key={value}
        skip={!interacted}
        distance={4}
        role="tabpanel"
        id={`${idBase}-panel`}
        aria-labelledby={`${idBase}-tab-${value}`}
        tabIndex={0}
        className={`min-h-0 flex-1 overflow-auto ${panelClassName}`}
      >
        {children}
      </FadeIn>
    </div>
  );
}
