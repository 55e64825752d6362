import { describe, expect, it } from "vitest";
import { readCalls } from "./design-calls";
import { lruCacheSignature } from "./value-type-fixtures";

const lru = () => {
  const signature = lruCacheSignature();
  if (signature.kind !== "class") throw new Error("not a class");
  return signature;
};

describe("readCalls", () => {
  it("reads each call with its method, numbered from 1 with the constructor first", () => {
    const parsed = readCalls(
      [
        ["LRUCache", "put", "get"],
        [[2], [1, 1], [1]],
      ],
      lru(),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.map((c) => [c.number, c.text, c.method?.returns.kind])).toEqual([
      [1, "LRUCache(2)", "void"],
      [2, "put(1, 1)", "void"],
      [3, "get(1)", "int"],
    ]);
  });

  it("keeps a call the class does not have, without a method", () => {
    const parsed = readCalls(
      [
        ["LRUCache", "evict"],
        [[1], ["x"]],
      ],
      lru(),
    );
    expect(parsed.ok && parsed.value[1]).toMatchObject({ method: null, text: 'evict("x")' });
  });

  it("refuses what is not a call sequence", () => {
    expect(readCalls([[1, 2]], lru()).ok).toBe(false);
    expect(readCalls([["LRUCache"], []], lru()).ok).toBe(false);
    expect(readCalls([["LRUCache"], [2]], lru()).ok).toBe(false);
  });
});
