import { useEffect, useState } from "react";
import {
  THEME_CHOICES,
  applyTheme,
  followSystem,
  loadTheme,
  saveTheme,
  type ThemeChoice,
} from "../../lib/theme";

const LABELS: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * Three choices, as radios: follow the system, light or dark. Remembered in this browser; the
 * initial theme is set before first paint (public/boot.js).
 */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(loadTheme);
  useEffect(() => {
    if (choice !== "system") return;
    return followSystem(() => applyTheme("system"));
  }, [choice]);
  const choose = (next: ThemeChoice) => {
    saveTheme(next);
    setChoice(next);
  };
  return (
    <fieldset className="flex overflow-hidden rounded-md border border-line text-xs">
      <legend className="sr-only">Theme</legend>
      {THEME_CHOICES.map((id) => (
        <label
          key={id}
          className={`cursor-pointer px-2 py-1 has-focus-visible:outline-2 has-focus-visible:outline-focus ${
            choice === id ? "bg-surface-raised text-ink" : "text-ink-muted hover:text-ink"
          }`}
        >
          <input
            type="radio"
            name="theme"
            value={id}
            checked={choice === id}
            onChange={() => choose(id)}
            className="sr-only"
          />
          {LABELS[id]}
        </label>
      ))}
    </fieldset>
  );
}
