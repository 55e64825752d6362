// JSON read without losing what JSON.parse drops: a number keeps its text, so 3.0 is not taken
// for the integer 3 and 12345678901234567890 keeps its digits, and an object keeps duplicate keys.
// The argument editor checks what was typed with it, as the server (Jackson) would read it.

export type JsonNode =
  | { kind: "null" }
  | { kind: "boolean"; value: boolean }
  /** `text` is the token as written; `value` what a JavaScript number makes of it. */
  | { kind: "number"; text: string; value: number }
  | { kind: "string"; value: string }
  | { kind: "array"; items: JsonNode[] }
  | { kind: "object"; entries: [string, JsonNode][] };

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters.
const STRING = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;
// Deeper than any argument needs, shallow enough that no input can exhaust the stack.
const MAX_DEPTH = 64;

class JsonSyntaxError extends Error {}

/** Parses JSON text; null when it is not JSON. */
export function parseJsonText(text: string): JsonNode | null {
  let at = 0;
  const spaces = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const fail = (): never => {
    throw new JsonSyntaxError();
  };
  const expect = (token: string) => {
    if (!text.startsWith(token, at)) fail();
    at += token.length;
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail();
    spaces();
    const rest = text.slice(at, at + 1);
    if (rest === "[") {
      at++;
      const items: JsonNode[] = [];
      spaces();
      if (text[at] === "]") {
        at++;
        return { kind: "array", items };
      }
      for (;;) {
        items.push(value(depth + 1));
        spaces();
        if (text[at] === ",") at++;
        else break;
      }
      expect("]");
      return { kind: "array", items };
    }
    if (rest === "{") {
      at++;
      const entries: [string, JsonNode][] = [];
      spaces();
      if (text[at] === "}") {
        at++;
        return { kind: "object", entries };
      }
      for (;;) {
        spaces();
        const key = string();
        spaces();
        expect(":");
        entries.push([key, value(depth + 1)]);
        spaces();
        if (text[at] === ",") at++;
        else break;
      }
      expect("}");
      return { kind: "object", entries };
    }
    if (rest === '"') return { kind: "string", value: string() };
    if (text.startsWith("true", at)) {
      at += 4;
      return { kind: "boolean", value: true };
    }
    if (text.startsWith("false", at)) {
      at += 5;
      return { kind: "boolean", value: false };
    }
    if (text.startsWith("null", at)) {
      at += 4;
      return { kind: "null" };
    }
    const number = NUMBER.exec(text.slice(at))?.[0] ?? fail();
    at += number.length;
    return { kind: "number", text: number, value: Number(number) };
  };
  const string = (): string => {
    const token = STRING.exec(text.slice(at))?.[0] ?? fail();
    at += token.length;
    return JSON.parse(token) as string;
  };
  try {
    const node = value(0);
    spaces();
    return at === text.length ? node : null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return null;
    throw error;
  }
}

/** Whether a number token is an integer as written: no fraction, no exponent (3.0 and 1e0 are not). */
export const isIntegerToken = (text: string) => /^-?\d+$/.test(text);
