// Custom test arguments are typed as JSON, one field per parameter, and checked against the
// signature's types before anything is sent, so mistakes are explained next to the field.

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Checks `value` against a signature type ("int", "long", "double", "boolean", "string" and
 * arrays "T[]", "T[][]"). Returns null when it fits, else a message naming `path`.
 */
export function checkValue(value: unknown, type: string, path: string): string | null {
  if (type.endsWith("[]")) {
    if (!Array.isArray(value)) return `${path}: expected ${type}, got ${describe(value)}`;
    const inner = type.slice(0, -2);
    for (let i = 0; i < value.length; i++) {
      const error = checkValue(value[i], inner, `${path}[${i}]`);
      if (error) return error;
    }
    return null;
  }
  switch (type) {
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value))
        return `${path}: expected an int, got ${describe(value)}`;
      if (value < INT_MIN || value > INT_MAX)
        return `${path}: ${value} does not fit in an int (${INT_MIN} to ${INT_MAX})`;
      return null;
    case "long":
      if (typeof value !== "number" || !Number.isInteger(value))
        return `${path}: expected a long, got ${describe(value)}`;
      if (!Number.isSafeInteger(value)) return `${path}: ${value} is beyond ±2^53`;
      return null;
    case "double":
      return typeof value === "number" && Number.isFinite(value)
        ? null
        : `${path}: expected a number, got ${describe(value)}`;
    case "boolean":
      return typeof value === "boolean"
        ? null
        : `${path}: expected true or false, got ${describe(value)}`;
    case "string":
      return typeof value === "string"
        ? null
        : `${path}: expected a string, got ${describe(value)}`;
    default:
      // A type this client does not know: the server checks it.
      return null;
  }
}

export type ParsedArgument = { ok: true; value: unknown } | { ok: false; error: string };

/** Parses one argument field as JSON and checks it against the parameter's type. */
export function parseArgument(text: string, type: string, name: string): ParsedArgument {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: `${name}: enter a value of type ${type}` };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    const hint =
      type.startsWith("string") && !trimmed.startsWith('"') && !trimmed.startsWith("[")
        ? ` (strings need double quotes, e.g. ${JSON.stringify(trimmed)})`
        : "";
    return { ok: false, error: `${name}: not valid JSON${hint}` };
  }
  const error = checkValue(value, type, name);
  return error ? { ok: false, error } : { ok: true, value };
}

export interface Param {
  name: string;
  type: string;
}

/** Parses every field of a custom case; all errors are reported, not just the first. */
export function parseCase(
  fields: string[],
  params: Param[],
): { ok: true; args: unknown[] } | { ok: false; errors: (string | null)[] } {
  const results = params.map((param, i) => parseArgument(fields[i] ?? "", param.type, param.name));
  if (results.every((r) => r.ok)) {
    return { ok: true, args: results.map((r) => (r as { value: unknown }).value) };
  }
  return { ok: false, errors: results.map((r) => (r.ok ? null : r.error)) };
}

/** The fields a case starts from: each argument as compact JSON. */
export function toFields(args: unknown[]): string[] {
  return args.map((arg) => JSON.stringify(arg) ?? "");
}
