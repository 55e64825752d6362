import { readString, removeKey, writeString } from "./storage";

// The same key and meaning as public/boot.js, which applies the theme before first paint: "light"
// or "dark" is the user's choice, no value means "follow the system".
const KEY = "improview.theme";

export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const systemQuery = () =>
  typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;

export function loadTheme(): ThemeChoice {
  const saved = readString(KEY);
  return saved === "light" || saved === "dark" ? saved : "system";
}

/** Remembers the choice and shows it; "system" forgets any choice. */
export function saveTheme(choice: ThemeChoice) {
  if (choice === "system") removeKey(KEY);
  else writeString(KEY, choice);
  applyTheme(choice);
}

export function applyTheme(choice: ThemeChoice) {
  const dark = choice === "system" ? Boolean(systemQuery()?.matches) : choice === "dark";
  document.documentElement.classList.toggle("dark", dark);
}

/** While the choice is "system", follows the system's changes (e.g. at sunset); returns a stop. */
export function followSystem(onChange: () => void): () => void {
  const query = systemQuery();
  if (!query) return () => {};
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
