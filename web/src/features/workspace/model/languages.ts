import type { Language } from "../../../lib/closed-sets";

/** How the workspace names each language. */
export const LANGUAGE_LABELS: Record<Language, string> = {
  javascript: "JavaScript",
  python: "Python",
  java: "Java",
};
