import { afterEach, describe, expect, it, vi } from "vitest";
import { getJson } from "../../../lib/api-client";
import { problemSchema } from "./problem";

afterEach(() => vi.unstubAllGlobals());

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

  it("parses the signature's types, for a function or a design class", () => {
    const parsed = problemSchema.parse(problem);
    expect(parsed.signature).toMatchObject({
      kind: "function",
      params: [{ name: "nums", type: { kind: "array", element: { kind: "int" } } }],
    });
    const design = problemSchema.parse({
      ...problem,
      signature: {
        kind: "class",
        className: "LRUCache",
        constructor: { params: [{ name: "capacity", type: "int" }] },
        methods: [{ name: "get", params: [{ name: "key", type: "int" }], returns: "int" }],
      },
    });
    expect(design.signature).toMatchObject({ kind: "class", methods: [{ name: "get" }] });
  });

  it("refuses a type it does not know, saying which, rather than showing it as something else", () => {
    const result = problemSchema.safeParse({
      ...problem,
      signature: { function: "f", params: [{ name: "g", type: "Graph" }], returns: "int" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(
      /^signature\.params\[0\] \(g\): type "Graph": unknown type/,
    );
  });

  it("tells the reader which type the page does not know", async () => {
    const body = {
      ...problem,
      signature: { function: "f", params: [{ name: "g", type: "Graph" }], returns: "int" },
    };
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify(body)));
    await expect(getJson("/api/problems/demo", problemSchema)).rejects.toThrow(
      /^The server's answer to \/api\/problems\/demo is not what this page expects: \.signature: signature\.params\[0\] \(g\): type "Graph": unknown type "Graph"/,
    );
  });
});
