import { describe, expect, it } from "vitest";
import { problemSchema } from "./problem";

const problem = {
  id: "demo",
  version: 1,
  title: "Demo",
  category: "arrays-hashing",
  difficulty: "easy",
  tags: [],
  estimatedMinutes: 15,
  statement: "",
  constraints: [],
  signature: { function: "f", params: [{ name: "nums", type: "int[]" }], returns: "int" },
  examples: [],
  publicTests: [],
  hintCount: 0,
  hiddenTestCount: 0,
  starterCode: {
    javascript: "function f(nums) {}",
    python: "def f(nums):",
    java: "class Solution {}",
  },
};

describe("problemSchema", () => {
  it("accepts the problem the server serves", () => {
    expect(problemSchema.safeParse(problem).success).toBe(true);
  });

  it("requires starter code for every language: the web never makes it up", () => {
    const { starterCode, ...withoutStarter } = problem;
    expect(problemSchema.safeParse(withoutStarter).success).toBe(false);
    const twoLanguages = { javascript: starterCode.javascript, python: starterCode.python };
    expect(problemSchema.safeParse({ ...problem, starterCode: twoLanguages }).success).toBe(false);
  });

  it("rejects a category or difficulty the server does not have", () => {
    expect(problemSchema.safeParse({ ...problem, category: "math" }).success).toBe(false);
    expect(problemSchema.safeParse({ ...problem, difficulty: "insane" }).success).toBe(false);
  });
});
