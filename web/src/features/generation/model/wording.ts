import type { Difficulty, GenerationSource } from "../../../lib/closed-sets";

/** "an easy Graphs problem", "a hard Tries problem". */
export function problemWording(difficultyLabel: string, categoryLabel: string): string {
  const difficulty = difficultyLabel.toLowerCase();
  return `${/^[aeiou]/.test(difficulty) ? "an" : "a"} ${difficulty} ${categoryLabel} problem`;
}

export const SOURCE_WORDING: Record<GenerationSource, string> = {
  bank: "from the built-in bank",
  llm: "written by the model and proven by running it",
};

/** Difficulty ids in words, for when the catalog has not said. */
export const fallbackDifficultyLabel = (difficulty: Difficulty) =>
  difficulty.charAt(0).toUpperCase() + difficulty.slice(1);

/** When the daily quota resets, from Retry-After seconds: "in 3 h 20 min, at 00:00". */
export function resetWording(retryAfterSeconds: number, now: number = Date.now()): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait =
    minutes <= 1
      ? "in a minute"
      : minutes < 60
        ? `in ${minutes} min`
        : `in ${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  const at = new Date(now + retryAfterSeconds * 1000).toLocaleTimeString(undefined, {
    hour: "2-digit",
    minute: "2-digit",
  });
  return `${wait}, at ${at}`;
}

/** Time since the generation began, for each step: "0.4 s", "12 s", "1:05". */
export function sinceStart(startIso: string, atIso: string): string {
  const millis = Math.max(0, Date.parse(atIso) - Date.parse(startIso));
  if (Number.isNaN(millis)) return "";
  if (millis < 10_000) return `${(millis / 1000).toFixed(1)} s`;
  if (millis < 60_000) return `${Math.floor(millis / 1000)} s`;
  const seconds = Math.floor(millis / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
