import { useEffect, useId, useRef, type ReactNode } from "react";

interface DialogProps {
  open: boolean;
  /** Called when the dialog closes by Escape, the backdrop or an action. */
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Buttons at the bottom; the first focusable one gets focus when the dialog opens. */
  actions: ReactNode;
}

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, closes on Escape and returns
 * focus to the opener, and the rest of the page is inert while it is open.
 */
export function Dialog({ open, onClose, title, children, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-0 text-ink shadow-2xl backdrop:bg-black/50 open:animate-[dialog-in_160ms_ease-out]"
    >
      <div className="p-5">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="mt-2 text-sm text-ink-muted">
          {children}
        </div>
        <div className="mt-5 flex justify-end gap-2">{actions}</div>
      </div>
    </dialog>
  );
}
