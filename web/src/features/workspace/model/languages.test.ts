import { describe, expect, it } from "vitest";
import { isLanguage } from "../../../lib/closed-sets";
import { starterFromSignature } from "./languages";

const signature = {
  function: "maxSubarraySum",
  params: [
    { name: "nums", type: "int[]" },
    { name: "windowSize", type: "int" },
    { name: "labels", type: "string[]" },
  ],
  returns: "long",
};

describe("starterFromSignature", () => {
  it("follows each language's conventions", () => {
    expect(starterFromSignature(signature, "javascript")).toBe(
      "function maxSubarraySum(nums, windowSize, labels) {\n  \n}\n",
    );
    expect(starterFromSignature(signature, "python")).toContain(
      "def max_subarray_sum(nums, window_size, labels):",
    );
    expect(starterFromSignature(signature, "java")).toContain(
      "public long maxSubarraySum(int[] nums, int windowSize, String[] labels)",
    );
  });

  it("recognises languages", () => {
    expect(isLanguage("python")).toBe(true);
    expect(isLanguage("ruby")).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
