import { isIntegerToken, parseJsonText, type JsonNode } from "../../../lib/json-text";
import { decodeLevelOrder } from "../../../lib/level-order";
import {
  MAX_BIGINT_DIGITS,
  isBigintDigits,
  typeName,
  type Method,
  type Param,
  type Signature,
  type ValueType,
} from "../../../lib/value-type";

// Custom test arguments are typed as JSON, one field per parameter (for a design problem: the
// calls and their arguments), and checked against the signature's types before anything is sent,
// so mistakes are explained next to the field. The rules mirror the server's type checks
// (execution/ValueType.java): integers are integer tokens (3.0 is not an int), and numbers are
// read from their text, so a long past 2^53 or a bigint's digits are judged as typed.

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_LIMIT = 2n ** 53n;

export type Checked = { ok: true; value: unknown } | { ok: false; error: string };

const fail = (error: string): Checked => ({ ok: false, error });

function describe(node: JsonNode): string {
  switch (node.kind) {
    case "array":
      return "an array";
    case "object":
      return "an object";
    case "null":
      return "null";
    case "string":
      return `the string ${JSON.stringify(node.value)}`;
    case "number":
      return `number ${node.text}`;
    case "boolean":
      return `boolean ${node.value}`;
  }
}

/** The JSON value to send for a node (numbers as JavaScript reads them). */
function plain(node: JsonNode): unknown {
  switch (node.kind) {
    case "null":
      return null;
    case "array":
      return node.items.map(plain);
    case "object":
      return Object.fromEntries(node.entries.map(([k, v]) => [k, plain(v)]));
    default:
      return node.value;
  }
}

function checkInteger(node: JsonNode, path: string, noun: "an int" | "a long"): Checked {
  if (node.kind !== "number") return fail(`${path}: expected ${noun}, got ${describe(node)}`);
  if (!isIntegerToken(node.text)) {
    const integral = Number.isInteger(node.value) ? ` (${noun} is written without "." or "e")` : "";
    return fail(`${path}: expected ${noun}, got ${describe(node)}${integral}`);
  }
  const number = BigInt(node.text);
  if (noun === "an int" && (number < INT_MIN || number > INT_MAX)) {
    return fail(`${path}: ${node.text} does not fit in an int (${INT_MIN} to ${INT_MAX})`);
  }
  if (noun === "a long" && (number > LONG_LIMIT || number < -LONG_LIMIT)) {
    return fail(`${path}: ${node.text} is beyond ±2^53`);
  }
  return { ok: true, value: node.value };
}

const digitCount = (text: string) => text.replace("-", "").length;

function checkBigint(node: JsonNode, path: string): Checked {
  const digits =
    node.kind === "string" || node.kind === "number"
      ? node.kind === "string"
        ? node.value
        : node.text
      : "";
  if (isBigintDigits(digits) && digitCount(digits) > MAX_BIGINT_DIGITS) {
    return fail(
      `${path}: a bigint has at most ${MAX_BIGINT_DIGITS} digits, this one ${digitCount(digits)}`,
    );
  }
  if (node.kind === "string") {
    if (isBigintDigits(node.value)) return { ok: true, value: node.value };
    return fail(
      `${path}: ${JSON.stringify(node.value)} is not a bigint: digits only, with an optional leading -`,
    );
  }
  // Sent as a string of the digits typed: a number past 2^53 would arrive rounded.
  if (node.kind === "number" && isIntegerToken(node.text)) return { ok: true, value: node.text };
  return fail(
    `${path}: expected a bigint (digits, as a string or a number), got ${describe(node)}`,
  );
}

function checkItems(items: JsonNode[], element: ValueType, path: string): Checked {
  const values: unknown[] = [];
  for (const [i, item] of items.entries()) {
    const checked = checkNode(item, element, `${path}[${i}]`);
    if (!checked.ok) return checked;
    values.push(checked.value);
  }
  return { ok: true, value: values };
}

function checkTree(node: JsonNode, path: string): Checked {
  if (node.kind !== "array") {
    return fail(
      `${path}: expected a TreeNode (a level-order array, e.g. [1,null,2]), got ${describe(node)}`,
    );
  }
  const values: (number | null)[] = [];
  for (const [i, item] of node.items.entries()) {
    if (item.kind === "null") {
      values.push(null);
      continue;
    }
    if (item.kind !== "number") {
      return fail(`${path}[${i}]: expected an int or null, got ${describe(item)}`);
    }
    const checked = checkInteger(item, `${path}[${i}]`, "an int");
    if (!checked.ok) return checked;
    values.push(checked.value as number);
  }
  const decoded = decodeLevelOrder(values, { strict: true });
  return decoded.ok ? { ok: true, value: values } : fail(`${path}: ${decoded.error}`);
}

const CYCLE_KEYS = ["values", "tailLinksTo"];

// The object form is only for a list with a cycle: one without is written as an array, so that
// each list has one way to be written.
function checkCyclicList(node: JsonNode & { kind: "object" }, path: string): Checked {
  const seen = new Set<string>();
  for (const [key] of node.entries) {
    if (!CYCLE_KEYS.includes(key)) {
      return fail(
        `${path}: unknown key ${JSON.stringify(key)} (a list whose last node links back has just "values" and "tailLinksTo")`,
      );
    }
    if (seen.has(key)) return fail(`${path}: the key ${JSON.stringify(key)} appears twice`);
    seen.add(key);
  }
  const field = (key: string) => node.entries.find(([k]) => k === key)?.[1];
  const values = field("values");
  const tail = field("tailLinksTo");
  if (!values) {
    return fail(
      `${path}: "values" is missing (the list's values, e.g. {"values": [3,2,0,-4], "tailLinksTo": 1})`,
    );
  }
  if (!tail) {
    return fail(
      `${path}: "tailLinksTo" is missing (a list without a cycle is an array, e.g. [1,2])`,
    );
  }
  if (values.kind !== "array") {
    return fail(`${path}.values: expected an array of ints, got ${describe(values)}`);
  }
  if (values.items.length === 0) {
    return fail(`${path}.values: a list whose last node links back has at least one node`);
  }
  const items = checkItems(values.items, { kind: "int" }, `${path}.values`);
  if (!items.ok) return items;
  const index = checkInteger(tail, `${path}.tailLinksTo`, "an int");
  if (!index.ok) return index;
  const last = values.items.length - 1;
  const at = index.value as number;
  if (at < 0 || at > last) {
    const text = (tail as JsonNode & { kind: "number" }).text;
    return fail(`${path}.tailLinksTo: ${text} is not an index of values (0 to ${last})`);
  }
  return { ok: true, value: plain(node) };
}

function checkMap(node: JsonNode, type: ValueType & { kind: "map" }, path: string): Checked {
  if (node.kind !== "object") {
    return fail(`${path}: expected ${typeName(type)} (an object), got ${describe(node)}`);
  }
  const seen = new Set<string>();
  const value: Record<string, unknown> = {};
  for (const [key, item] of node.entries) {
    if (seen.has(key)) return fail(`${path}: the key ${JSON.stringify(key)} appears twice`);
    seen.add(key);
    const checked = checkNode(item, type.value, `${path}[${JSON.stringify(key)}]`);
    if (!checked.ok) return checked;
    Object.defineProperty(value, key, { value: checked.value, enumerable: true, writable: true });
  }
  return { ok: true, value };
}

/** Checks a parsed JSON value against a signature type; the value to send, or a message naming `path`. */
export function checkNode(node: JsonNode, type: ValueType, path: string): Checked {
  switch (type.kind) {
    case "int":
      return checkInteger(node, path, "an int");
    case "long":
      return checkInteger(node, path, "a long");
    case "double":
      if (node.kind !== "number") return fail(`${path}: expected a number, got ${describe(node)}`);
      return Number.isFinite(node.value)
        ? { ok: true, value: node.value }
        : fail(`${path}: ${node.text} is too large for a double`);
    case "boolean":
      return node.kind === "boolean"
        ? { ok: true, value: node.value }
        : fail(`${path}: expected true or false, got ${describe(node)}`);
    case "string":
      return node.kind === "string"
        ? { ok: true, value: node.value }
        : fail(`${path}: expected a string, got ${describe(node)}`);
    case "bigint":
      return checkBigint(node, path);
    case "list":
      return node.kind === "array"
        ? checkItems(node.items, { kind: "int" }, path)
        : node.kind === "object"
          ? checkCyclicList(node, path)
          : fail(
              `${path}: expected a ListNode (an array of ints, e.g. [1,2,3], or {"values": [...], "tailLinksTo": i} for a list whose last node links back), got ${describe(node)}`,
            );
    case "tree":
      return checkTree(node, path);
    case "array":
      return node.kind === "array"
        ? checkItems(node.items, type.element, path)
        : fail(`${path}: expected ${typeName(type)}, got ${describe(node)}`);
    case "nullable":
      return node.kind === "null" ? { ok: true, value: null } : checkNode(node, type.inner, path);
    case "map":
      return checkMap(node, type, path);
    case "void":
      return node.kind === "null" ? { ok: true, value: null } : fail(`${path}: takes no value`);
  }
}

function readJson(text: string, type: ValueType | null, name: string): JsonNode | string {
  const trimmed = text.trim();
  if (trimmed === "") return `${name}: enter a value${type ? ` of type ${typeName(type)}` : ""}`;
  const node = parseJsonText(trimmed);
  if (node) return node;
  const bare = !trimmed.startsWith('"') && !trimmed.startsWith("[") && !trimmed.startsWith("{");
  const hint =
    type?.kind === "string" && bare
      ? ` (strings need double quotes, e.g. ${JSON.stringify(trimmed)})`
      : type?.kind === "bigint" && bare
        ? " (a bigint is digits with an optional leading -, e.g. 12345678901234567890)"
        : "";
  return `${name}: not valid JSON${hint}`;
}

export type ParsedArgument = Checked;

/** Parses one argument field as JSON and checks it against the parameter's type. */
export function parseArgument(text: string, type: ValueType, name: string): ParsedArgument {
  const node = readJson(text, type, name);
  return typeof node === "string" ? fail(node) : checkNode(node, type, name);
}

/** The fields a case is typed into: a function's parameters, or a design test's calls. */
export interface CaseField {
  name: string;
  /** What to type, shown next to the name: the type, or for a design test what the list holds. */
  hint: string;
  /** A value that fits, shown while the field is empty. */
  example: string;
}

/** A small valid value of `type`, as JSON text. */
export function exampleOf(type: ValueType): string {
  switch (type.kind) {
    case "int":
    case "long":
      return "3";
    case "double":
      return "1.5";
    case "boolean":
      return "true";
    case "string":
      return '"abc"';
    case "bigint":
      return '"12345678901234567890"';
    case "list":
      return "[1,2,3]";
    case "tree":
      return "[1,null,2,3]";
    case "array":
      return `[${exampleOf(type.element)}]`;
    case "nullable":
      return exampleOf(type.inner);
    case "map":
      return `{"key":${exampleOf(type.value)}}`;
    case "void":
      return "null";
  }
}

const exampleArgs = (method: Method) =>
  `[${method.params.map((p) => exampleOf(p.type)).join(",")}]`;

export function caseFields(signature: Signature): CaseField[] {
  if (signature.kind === "function") {
    return signature.params.map((p) => ({
      name: p.name,
      hint: p.typeName,
      example: exampleOf(p.type),
    }));
  }
  const first = signature.methods[0];
  const calls = first ? [signature.constructor, first] : [signature.constructor];
  return [
    {
      name: "ops",
      hint: `method names, ${signature.className} first`,
      example: JSON.stringify(calls.map((m) => m.name)),
    },
    {
      name: "args",
      hint: "one argument list per call",
      example: `[${calls.map(exampleArgs).join(",")}]`,
    },
  ];
}

const paramList = (params: Param[]) => params.map((p) => p.name).join(", ");

/** A design test's `ops`: the class name first, then its methods' names. */
function checkOps(text: string, signature: Signature & { kind: "class" }): Method[] | string {
  const node = readJson(text, null, "ops");
  if (typeof node === "string") return node;
  const example = `e.g. ["${signature.className}"${signature.methods[0] ? `,"${signature.methods[0].name}"` : ""}]`;
  if (node.kind !== "array") return `ops: expected an array of method names, ${example}`;
  if (node.items.length === 0) return `ops: the first call constructs the class, ${example}`;
  const methods: Method[] = [];
  for (const [i, item] of node.items.entries()) {
    if (item.kind !== "string") return `ops[${i}]: expected a method name, got ${describe(item)}`;
    if (i === 0) {
      if (item.value !== signature.className) {
        return `ops[0]: the first call constructs the class: "${signature.className}", not ${JSON.stringify(item.value)}`;
      }
      methods.push(signature.constructor);
      continue;
    }
    if (item.value === signature.className) {
      return `ops[${i}]: the constructor is called only once, first`;
    }
    const method = signature.methods.find((m) => m.name === item.value);
    if (!method) {
      const known = signature.methods.map((m) => m.name).join(", ") || "none";
      return `ops[${i}]: ${signature.className} has no method ${JSON.stringify(item.value)} (its methods: ${known})`;
    }
    methods.push(method);
  }
  return methods;
}

/** A design test's `args`: one array per call, each fitting its method's parameters. */
function checkCallArgs(text: string, methods: Method[] | null): Checked {
  const node = readJson(text, null, "args");
  if (typeof node === "string") return fail(node);
  if (node.kind !== "array" || node.items.some((item) => item.kind !== "array")) {
    return fail("args: expected an array of argument arrays, one per call, e.g. [[2],[1,1],[1]]");
  }
  if (!methods) return { ok: true, value: plain(node) };
  if (node.items.length !== methods.length) {
    return fail(
      `args: ${node.items.length} argument ${node.items.length === 1 ? "list" : "lists"} for ${methods.length} ${methods.length === 1 ? "call" : "calls"} in ops`,
    );
  }
  const calls: unknown[][] = [];
  for (const [i, item] of node.items.entries()) {
    const method = methods[i]!;
    const args = (item as JsonNode & { kind: "array" }).items;
    if (args.length !== method.params.length) {
      const count = method.params.length;
      const takes =
        count === 0
          ? "takes no arguments"
          : `takes ${count} ${count === 1 ? "argument" : "arguments"} (${paramList(method.params)})`;
      return fail(`args[${i}]: ${method.name} ${takes}, got ${args.length}`);
    }
    const values: unknown[] = [];
    for (const [j, arg] of args.entries()) {
      const checked = checkNode(arg, method.params[j]!.type, `args[${i}][${j}]`);
      if (!checked.ok) return checked;
      values.push(checked.value);
    }
    calls.push(values);
  }
  return { ok: true, value: calls };
}

/** Parses every field of a custom case; all errors are reported, not just the first. */
export function parseCase(
  fields: string[],
  signature: Signature,
): { ok: true; args: unknown[] } | { ok: false; errors: (string | null)[] } {
  let results: Checked[];
  if (signature.kind === "function") {
    results = signature.params.map((param, i) =>
      parseArgument(fields[i] ?? "", param.type, param.name),
    );
  } else {
    const methods = checkOps(fields[0] ?? "", signature);
    const ops: Checked =
      typeof methods === "string"
        ? fail(methods)
        : { ok: true, value: plain(parseJsonText((fields[0] ?? "").trim())!) };
    results = [ops, checkCallArgs(fields[1] ?? "", typeof methods === "string" ? null : methods)];
  }
  if (results.every((r) => r.ok)) {
    return { ok: true, args: results.map((r) => (r as { value: unknown }).value) };
  }
  return { ok: false, errors: results.map((r) => (r.ok ? null : r.error)) };
}

/** The fields a case starts from: each argument as compact JSON. */
export function toFields(args: unknown[]): string[] {
  return args.map((arg) => JSON.stringify(arg) ?? "");
}
