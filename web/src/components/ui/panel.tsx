import type { HTMLAttributes, ReactNode } from "react";

interface PanelProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  /** Shown in the panel's header bar; also its accessible name. */
  label?: string;
  /** Controls at the right end of the header bar. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A bordered surface that fills its slot; with a label it gets a compact header bar. */
export function Panel({ label, actions, children, className = "", ...props }: PanelProps) {
  return (
    <section
      aria-label={label}
      className={`flex min-h-0 min-w-0 flex-col overflow-hidden rounded-lg border border-line bg-surface ${className}`}
      {...props}
    >
      {(label || actions) && (
        <div className="flex h-9 shrink-0 items-center gap-2 border-b border-line px-3">
          {label && <h2 className="text-xs font-semibold text-ink-muted">{label}</h2>}
          <div className="ml-auto flex items-center gap-1">{actions}</div>
        </div>
      )}
      {children}
    </section>
  );
}
