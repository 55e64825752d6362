import { describe, expect, it } from "vitest";
import { readCalls, type Call } from "../../../lib/design-calls";
import { lruCacheSignature } from "../../../lib/value-type-fixtures";
import { diffCalls, firstDifference } from "./design-diff";

const calls = (): Call[] => {
  const signature = lruCacheSignature();
  if (signature.kind !== "class") throw new Error("not a class");
  const parsed = readCalls(
    [
      ["LRUCache", "put", "put", "get", "get"],
      [[2], [1, 1], [2, 2], [1], [3]],
    ],
    signature,
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const exact = { mode: "exact" as const };

describe("diffCalls", () => {
  it("marks the calls whose returns differ, and says the first", () => {
    const rows = diffCalls(calls(), [null, null, null, 1, -1], [null, null, null, -1, -1], exact);
    expect(rows.map((r) => r.differs)).toEqual([false, false, false, true, false]);
    const first = firstDifference(rows);
    expect(first?.row.call.number).toBe(4);
    expect(first?.row.call.text).toBe("get(1)");
    expect(first?.text).toBe("expected 1, got -1");
  });

  it("marks nothing when every call returned what was expected", () => {
    const rows = diffCalls(calls(), [null, null, null, 1, -1], [null, null, null, 1, -1], exact);
    expect(rows.some((r) => r.differs)).toBe(false);
    expect(firstDifference(rows)).toBeNull();
  });

  it("marks calls missing from a shorter answer, but nothing when none came", () => {
    const short = diffCalls(calls(), [null, null, null, 1, -1], [null, null, null], exact);
    expect(short.map((r) => r.differs)).toEqual([false, false, false, true, true]);
    expect(firstDifference(short)?.text).toBe("expected 1, got no value");
    const none = diffCalls(calls(), [null, null, null, 1, -1], undefined, exact);
    expect(none.some((r) => r.differs)).toBe(false);
    expect(none[3]?.actual).toBeNull();
  });

  it("marks a value returned by a void call", () => {
    const rows = diffCalls(calls(), [null, null, null, 1, -1], [null, 5, null, 1, -1], exact);
    expect(rows[1]).toMatchObject({ differs: true, actual: { kind: "mismatch", type: "void" } });
  });

  it("marks nothing in mode checker", () => {
    const rows = diffCalls(calls(), [null, null, null, 1, -1], [null, null, null, 2], {
      mode: "checker",
    });
    expect(rows.some((r) => r.differs)).toBe(false);
  });
});
