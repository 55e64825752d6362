import { decodeLevelOrder, type LevelSlot, type TreeShape } from "./level-order";
import { isBigintDigits, typeName, type ValueType } from "./value-type";

// A value as the views show it, built from its JSON and its signature type: a list is a list, a
// tree a tree, a bigint its digits. A value that does not fit its type is shown as its JSON and
// says so, never as something it is not. The diff (features/workspace/model/value-diff.ts) marks
// parts of it; the views (components/ui/typed-value.tsx) draw it.

/** How a part differs: from the same part on the other side, or present on this side only. */
export type Mark = "differs" | "only";

export type Shown =
  /** A number, string (as JSON), boolean or bigint (digits); `value` the JSON value, or a bigint. */
  | { kind: "scalar"; text: string; value: unknown; approx?: boolean; mark?: Mark }
  | { kind: "null"; mark?: Mark }
  /** A constructor's or void method's return. */
  | { kind: "void"; mark?: Mark }
  /** `tailLinksTo`: for a list whose last node links back, the index of the node it links to. */
  | { kind: "list"; items: Shown[]; tailLinksTo?: number; mark?: Mark }
  /** `items` is the level-order array (null slots included); `root`'s values are those items. */
  | {
      kind: "tree";
      items: Shown[];
      root: TreeShape<Shown> | null;
      slots: LevelSlot[];
      size: number;
      mark?: Mark;
    }
  | { kind: "array"; items: Shown[]; mark?: Mark }
  | { kind: "map"; entries: MapEntry[]; mark?: Mark }
  /** A value that does not fit its type: its JSON, and the type it should have been. */
  | { kind: "mismatch"; json: string; value: unknown; type: string; mark?: Mark };

export interface MapEntry {
  key: string;
  value: Shown;
  mark?: Mark;
}

const json = (value: unknown) => JSON.stringify(value) ?? "undefined";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function mismatch(value: unknown, type: ValueType): Shown {
  return { kind: "mismatch", json: json(value), value, type: typeName(type) };
}

// Sorted, so expected and actual maps list their keys in the same order, whatever order came.
const sortedEntries = (value: Record<string, unknown>) =>
  Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** A value of no known type: arrays, objects and scalars as JSON has them. */
function describeJson(value: unknown): Shown {
  if (value === null) return { kind: "null" };
  if (Array.isArray(value)) return { kind: "array", items: value.map(describeJson) };
  if (isPlainObject(value)) {
    return {
      kind: "map",
      entries: sortedEntries(value).map((key) => ({ key, value: describeJson(value[key]) })),
    };
  }
  return { kind: "scalar", text: json(value), value };
}

/** Describes a JSON value as `type` (none: as plain JSON). */
export function describeValue(value: unknown, type?: ValueType): Shown {
  if (!type) return describeJson(value);
  switch (type.kind) {
    case "int":
    case "long":
      return typeof value === "number" && Number.isInteger(value)
        ? { kind: "scalar", text: json(value), value }
        : mismatch(value, type);
    case "double":
      return typeof value === "number"
        ? { kind: "scalar", text: json(value), value }
        : mismatch(value, type);
    case "boolean":
      return typeof value === "boolean"
        ? { kind: "scalar", text: json(value), value }
        : mismatch(value, type);
    case "string":
      return typeof value === "string"
        ? { kind: "scalar", text: json(value), value }
        : mismatch(value, type);
    case "bigint":
      // `value` is a JavaScript bigint, so "007" and 7 compare equal, as numbers.
      if (typeof value === "string" && isBigintDigits(value)) {
        return { kind: "scalar", text: value, value: BigInt(value) };
      }
      if (typeof value === "number" && Number.isInteger(value)) {
        // An integer token past 2^53 reached this page rounded; its digits are not all known.
        const approx = !Number.isSafeInteger(value);
        const big = BigInt(value);
        return { kind: "scalar", text: `${approx ? "≈" : ""}${big}`, value: big, approx };
      }
      return mismatch(value, type);
    case "list":
      if (isCyclicList(value)) {
        return {
          kind: "list",
          items: value.values.map((v) => describeValue(v, { kind: "int" })),
          tailLinksTo: value.tailLinksTo,
        };
      }
      return Array.isArray(value) && value.every((v) => typeof v === "number")
        ? { kind: "list", items: value.map((v) => describeValue(v, { kind: "int" })) }
        : mismatch(value, type);
    case "tree":
      return describeTree(value, type);
    case "array":
      return Array.isArray(value)
        ? { kind: "array", items: value.map((v) => describeValue(v, type.element)) }
        : mismatch(value, type);
    case "nullable":
      // A null list or tree is the empty one (the server reads and sends it as []).
      if (value === null && (type.inner.kind === "list" || type.inner.kind === "tree")) {
        return describeValue([], type.inner);
      }
      return value === null ? { kind: "null" } : describeValue(value, type.inner);
    case "map":
      return isPlainObject(value)
        ? {
            kind: "map",
            entries: sortedEntries(value).map((key) => ({
              key,
              value: describeValue(value[key], type.value),
            })),
          }
        : mismatch(value, type);
    case "void":
      return value === null ? { kind: "void" } : mismatch(value, type);
  }
}

/** A list whose last node links back, as the server writes it; anything else is not one. */
function isCyclicList(value: unknown): value is { values: number[]; tailLinksTo: number } {
  if (!isPlainObject(value) || Object.keys(value).length !== 2) return false;
  const { values, tailLinksTo } = value;
  return (
    Array.isArray(values) &&
    values.length > 0 &&
    values.every((v) => typeof v === "number") &&
    Number.isInteger(tailLinksTo) &&
    (tailLinksTo as number) >= 0 &&
    (tailLinksTo as number) < values.length
  );
}

function describeTree(value: unknown, type: ValueType): Shown {
  if (!Array.isArray(value) || !value.every((v) => v === null || typeof v === "number")) {
    return mismatch(value, type);
  }
  const items = value.map((v): Shown =>
    v === null ? { kind: "null" } : describeValue(v, { kind: "int" }),
  );
  const decoded = decodeLevelOrder(items.map((item) => (item.kind === "null" ? null : item)));
  if (!decoded.ok) return mismatch(value, type);
  return { kind: "tree", items, root: decoded.root, slots: decoded.slots, size: decoded.size };
}

/** A run of text, marked where it differs. */
export interface Segment {
  text: string;
  mark: Mark | null;
}

function pushSegments(shown: Shown, out: Segment[]) {
  if (shown.mark) {
    out.push({
      text: segmentsText(toSegments({ ...shown, mark: undefined } as Shown)),
      mark: shown.mark,
    });
    return;
  }
  const plain = (text: string) => out.push({ text, mark: null });
  switch (shown.kind) {
    case "scalar":
      return plain(shown.text);
    case "null":
    case "void":
      return plain("null");
    case "mismatch":
      return plain(shown.json);
    case "list":
      // A list whose last node links back is written as the server reads it.
      return shown.tailLinksTo === undefined
        ? pushItems(shown.items, "[", "]", out)
        : pushItems(shown.items, '{"values":[', `],"tailLinksTo":${shown.tailLinksTo}}`, out);
    case "tree":
    case "array":
      return pushItems(shown.items, "[", "]", out);
    case "map":
      plain("{");
      shown.entries.forEach((entry, i) => {
        if (i > 0) plain(",");
        if (entry.mark === "only") {
          out.push({
            text: `${json(entry.key)}:${segmentsText(toSegments(entry.value))}`,
            mark: "only",
          });
        } else {
          plain(`${json(entry.key)}:`);
          pushSegments(entry.value, out);
        }
      });
      return plain("}");
  }
}

function pushItems(items: Shown[], open: string, close: string, out: Segment[]) {
  out.push({ text: open, mark: null });
  items.forEach((item, i) => {
    if (i > 0) out.push({ text: ",", mark: null });
    pushSegments(item, out);
  });
  out.push({ text: close, mark: null });
}

const segmentsText = (segments: Segment[]) => segments.map((s) => s.text).join("");

/** The value as compact JSON-like text (bigints as digits), split where marks begin and end. */
export function toSegments(shown: Shown): Segment[] {
  const out: Segment[] = [];
  pushSegments(shown, out);
  const merged: Segment[] = [];
  for (const s of out) {
    const last = merged[merged.length - 1];
    if (last && last.mark === null && s.mark === null) last.text += s.text;
    else if (s.text) merged.push({ ...s });
  }
  return merged;
}

/** The value as one line of compact text: `[1,2]`, `"a"`, `12345678901234567890`. */
export const inlineText = (shown: Shown) => segmentsText(toSegments(shown));

/**
 * Whether the value reads well as one line of text: scalars, and lists and arrays of them. A
 * tree, a map or an array of those needs room of its own, and so does a list whose last node
 * links back: as text its loop-back names a value, which a repeated value leaves ambiguous, so it
 * is drawn with the node it links to marked.
 */
export function isInline(shown: Shown): boolean {
  switch (shown.kind) {
    case "tree":
    case "map":
      return false;
    case "list":
      return shown.tailLinksTo === undefined;
    case "array":
      return shown.items.every((item) => isInline(item) && item.kind !== "list");
    default:
      return true;
  }
}

/** The node a list's last node links back to, if it does: its index and its value's text. */
export function cycleTarget(
  shown: Shown & { kind: "list" },
): { index: number; text: string } | null {
  const index = shown.tailLinksTo;
  const target = index === undefined ? undefined : shown.items[index];
  return index === undefined || !target
    ? null
    : { index, text: inlineText({ ...target, mark: undefined }) };
}

/**
 * The plain text of an inline value as the views write it: a list as `1 → 2 → 3`, one whose last
 * node links back as `3 → 2 → 0 → -4 ↺ 2 (index 1)` (no mark to show which 2 it is, so the index
 * says).
 */
export function plainText(shown: Shown): string {
  if (shown.kind === "list") {
    if (shown.items.length === 0) return "empty list";
    const values = shown.items.map(inlineText).join(" → ");
    const target = cycleTarget(shown);
    return target ? `${values} ↺ ${target.text} (index ${target.index})` : values;
  }
  return inlineText(shown);
}
