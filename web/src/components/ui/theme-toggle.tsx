import { useState } from "react";

const STORAGE_KEY = "improview.theme";

function isDark() {
  return document.documentElement.classList.contains("dark");
}

/** Switches light/dark and remembers the choice; the initial theme is set before first paint. */
export function ThemeToggle() {
  const [dark, setDark] = useState(isDark);
  const toggle = () => {
    const next = !dark;
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem(STORAGE_KEY, next ? "dark" : "light");
    } catch {
      // Storage may be unavailable (private mode); the toggle still works for this page.
    }
    setDark(next);
  };
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
      aria-pressed={dark}
      className="rounded-md px-2 py-1 text-sm text-ink-muted hover:bg-surface-raised hover:text-ink"
    >
      {dark ? "Light" : "Dark"}
    </button>
  );
}
