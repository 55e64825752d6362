/** Formats a test argument or value the way the statement shows it: compact JSON. */
export function formatValue(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

/** A size for people: "512 bytes", "58.6 KB", "1.2 MB" (KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  // Switch units a little early so that 1 023 bytes reads "1 KB", not "1023 bytes".
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const [size, unit] = bytes < 1000 * 1024 ? [bytes / 1024, "KB"] : [bytes / 1024 / 1024, "MB"];
  return `${Number(size.toFixed(1))} ${unit}`;
}
