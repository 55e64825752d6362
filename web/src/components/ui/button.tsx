import type { ButtonHTMLAttributes, Ref } from "react";

const variants = {
  primary: "bg-accent text-accent-ink hover:bg-accent/90 disabled:bg-accent/50",
  secondary:
    "border border-line bg-surface text-ink hover:bg-surface-raised disabled:text-ink-muted",
  ghost: "text-ink-muted hover:bg-surface-raised hover:text-ink disabled:opacity-50",
  danger: "bg-verdict-wrong text-white hover:bg-verdict-wrong/90 dark:text-canvas",
} as const;

const sizes = {
  sm: "h-7 gap-1.5 px-2 text-xs",
  md: "h-8 gap-2 px-3 text-sm",
} as const;

export type ButtonVariant = keyof typeof variants;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: keyof typeof sizes;
  ref?: Ref<HTMLButtonElement>;
}

/** The app's button: a real `<button>` (type="button" unless told), with visible focus. */
export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex shrink-0 items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed ${variants[variant]} ${sizes[size]} ${className}`}
      {...props}
    />
  );
}

/** A keyboard shortcut hint shown inside buttons and tooltips. */
export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-current/25 px-1 font-sans text-[0.7rem] leading-4">
      {children}
    </kbd>
  );
}
