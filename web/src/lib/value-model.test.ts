import { describe, expect, it } from "vitest";
import { describeValue, inlineText, isInline, plainText } from "./value-model";
import { typeOf } from "./value-type-fixtures";

const list = (value: unknown) => describeValue(value, typeOf("ListNode"));

describe("describeValue: a ListNode whose last node links back", () => {
  it("reads the object form as the list's values and the index linked to", () => {
    expect(list({ values: [3, 2, 0, -4], tailLinksTo: 1 })).toMatchObject({
      kind: "list",
      items: [{ text: "3" }, { text: "2" }, { text: "0" }, { text: "-4" }],
      tailLinksTo: 1,
    });
    expect(list({ values: [5], tailLinksTo: 0 })).toMatchObject({ kind: "list", tailLinksTo: 0 });
    expect(list([1, 2])).not.toHaveProperty("tailLinksTo");
  });

  it("shows an object that is not one as JSON that does not fit", () => {
    for (const value of [
      { values: [1, 2], tailLinksTo: 2 },
      { values: [1, 2], tailLinksTo: -1 },
      { values: [1, 2], tailLinksTo: 0.5 },
      { values: [], tailLinksTo: 0 },
      { values: [1, 2] },
      { values: [1, "2"], tailLinksTo: 0 },
      { values: [1, 2], tailLinksTo: 0, next: null },
    ]) {
      expect(list(value)).toMatchObject({ kind: "mismatch", type: "ListNode" });
    }
  });

  it("writes it as the server reads it, and as plain text with the index", () => {
    const loop = list({ tailLinksTo: 1, values: [3, 2, 0, -4] });
    expect(inlineText(loop)).toBe('{"values":[3,2,0,-4],"tailLinksTo":1}');
    expect(plainText(loop)).toBe("3 → 2 → 0 → -4 ↺ 2 (index 1)");
    // Drawn on a row of its own, where the node linked to is marked.
    expect(isInline(loop)).toBe(false);
    expect(isInline(list([3, 2]))).toBe(true);
  });
});
