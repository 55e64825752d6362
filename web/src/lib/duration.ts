/** A duration as a clock: "4:05", "18:40", "1:02:03". */
export function formatClock(millis: number): string {
  const total = Math.max(0, Math.floor(millis / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** "18:40, within the 20 min estimate" or "24:05, 5 min over the 20 min estimate". */
export function timeVersusEstimate(millis: number, estimateMinutes: number): string {
  const over = millis - estimateMinutes * 60_000;
  const clock = formatClock(millis);
  if (over <= 0) return `${clock}, within the ${estimateMinutes} min estimate`;
  return `${clock}, ${Math.ceil(over / 60_000)} min over the ${estimateMinutes} min estimate`;
}

/** "1 hint", "no hints". */
export function hintsWording(count: number): string {
  if (count === 0) return "no hints";
  return `${count} ${count === 1 ? "hint" : "hints"}`;
}

/** A time limit: "1 s", "1.5 s", "250 ms". */
export function formatLimit(millis: number): string {
  if (millis < 1000) return `${Math.round(millis)} ms`;
  return `${Number((millis / 1000).toFixed(1))} s`;
}
