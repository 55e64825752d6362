import { describe, expect, it } from "vitest";
import { matchesSearch, pickRandom } from "./search";

const twoSum = { title: "Two Sum", tags: ["hash map", "arrays"] };

describe("matchesSearch", () => {
  it("matches the title or a tag, in any case", () => {
    expect(matchesSearch(twoSum, "two")).toBe(true);
    expect(matchesSearch(twoSum, "HASH")).toBe(true);
    expect(matchesSearch(twoSum, "graph")).toBe(false);
  });

  it("needs every word, each in the title or a tag", () => {
    expect(matchesSearch(twoSum, "sum hash")).toBe(true);
    expect(matchesSearch(twoSum, "sum graph")).toBe(false);
  });

  it("matches everything for an empty query", () => {
    expect(matchesSearch(twoSum, "   ")).toBe(true);
  });
});

describe("pickRandom", () => {
  it("picks across the whole list, and nothing from an empty one", () => {
    expect(pickRandom(["a", "b", "c"], () => 0)).toBe("a");
    expect(pickRandom(["a", "b", "c"], () => 0.999999)).toBe("c");
    expect(pickRandom([], () => 0.5)).toBeNull();
  });
});
