/** Formats a test argument or value the way the statement shows it: compact JSON. */
export function formatValue(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

/** Formats a call's arguments as `name = value` pairs, one per parameter. */
export function formatArgs(names: string[], args: unknown[]): string {
  return args.map((arg, i) => `${names[i] ?? `arg${i}`} = ${formatValue(arg)}`).join(", ");
}
