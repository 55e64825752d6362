/// <reference types="node" />
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSignature, parseType, typeName, type ValueType } from "./value-type";

const type = (name: string, returns = false): ValueType => {
  const parsed = parseType(name, { returns });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const error = (name: string) => {
  const parsed = parseType(name);
  return parsed.ok ? null : parsed.error;
};

describe("parseType", () => {
  it("reads the scalars and the structures", () => {
    expect(type("int")).toEqual({ kind: "int" });
    expect(type("bigint")).toEqual({ kind: "bigint" });
    expect(type("ListNode")).toEqual({ kind: "list" });
    expect(type("TreeNode")).toEqual({ kind: "tree" });
    expect(type("int[][]")).toEqual({
      kind: "array",
      element: { kind: "array", element: { kind: "int" } },
    });
  });

  it("reads ? and [] in the order written", () => {
    expect(type("int?[]")).toEqual({
      kind: "array",
      element: { kind: "nullable", inner: { kind: "int" } },
    });
    expect(type("int[]?")).toEqual({
      kind: "nullable",
      inner: { kind: "array", element: { kind: "int" } },
    });
    expect(type("ListNode[]")).toEqual({ kind: "array", element: { kind: "list" } });
  });

  it("reads maps, with or without the space, nested and in arrays", () => {
    const ints = { kind: "map", value: { kind: "int" } };
    expect(type("map<string, int>")).toEqual(ints);
    expect(type("map<string,int>")).toEqual(ints);
    expect(type("map<string, int>[]")).toEqual({ kind: "array", element: ints });
    expect(type("map<string, map<string, bigint[]>>")).toEqual({
      kind: "map",
      value: { kind: "map", value: { kind: "array", element: { kind: "bigint" } } },
    });
  });

  it("allows void only as a return type", () => {
    expect(type("void", true)).toEqual({ kind: "void" });
    expect(error("void")).toBe('"void" is only a return type');
    expect(error("void[]")).toMatch(/unknown type "void"/);
  });

  it("refuses what it does not know, saying what and where", () => {
    expect(error("Integer")).toMatch(/^type "Integer": unknown type "Integer" \(known: int,/);
    expect(error("listnode")).toMatch(/unknown type "listnode"/);
    expect(error("map<int, int>")).toMatch(/map keys are string, not "int"/);
    expect(error("map<string, int")).toMatch(/">" expected/);
    expect(error("int??")).toMatch(/\? twice in a row/);
    expect(error("ListNode?")).toMatch(/ListNode\? is ListNode/);
    expect(error("int[")).toMatch(/unexpected "\["/);
    expect(error("")).toMatch(/a type name expected/);
    expect(error("int []")).toMatch(/unexpected " \[\]"/);
  });

  it("keeps the server's limits: two [] in a row, four layers, 100 characters", () => {
    expect(type("map<string, int?[]>[]")).toMatchObject({ kind: "array" });
    expect(type("map <string,int>")).toEqual({ kind: "map", value: { kind: "int" } });
    expect(error("int[][][]")).toMatch(/more than 2 \[\] in a row/);
    expect(error("int?[]?[]?")).toMatch(/more than 4 arrays, nullables and maps/);
    expect(error("map<string, int?[]>[]?")).toMatch(/more than 4/);
    expect(error("map<string, " + "x".repeat(100) + ">")).toMatch(/longer than 100 characters/);
  });

  it("names a type as the server writes it", () => {
    for (const name of ["int", "ListNode[]", "TreeNode[]?", "map<string, int?[]>[]", "bigint[]?"]) {
      expect(typeName(type(name))).toBe(name);
    }
  });
});

describe("parseSignature", () => {
  it("reads a function, with or without its kind", () => {
    const raw = {
      function: "addTwo",
      params: [{ name: "head", type: "ListNode" }],
      returns: "ListNode",
    };
    const parsed = parseSignature(raw);
    expect(parsed).toEqual({
      ok: true,
      value: {
        kind: "function",
        name: "addTwo",
        params: [{ name: "head", typeName: "ListNode", type: { kind: "list" } }],
        returns: { kind: "list" },
      },
    });
    expect(parseSignature({ ...raw, kind: "function" })).toEqual(parsed);
  });

  it("reads a class, its constructor named after it", () => {
    const parsed = parseSignature({
      kind: "class",
      className: "LRUCache",
      constructor: { params: [{ name: "capacity", type: "int" }] },
      methods: [
        { name: "get", params: [{ name: "key", type: "int" }], returns: "int" },
        { name: "clear", params: [], returns: "void" },
      ],
    });
    if (!parsed.ok || parsed.value.kind !== "class") throw new Error("not a class");
    expect(parsed.value.constructor).toEqual({
      name: "LRUCache",
      params: [{ name: "capacity", typeName: "int", type: { kind: "int" } }],
      returns: { kind: "void" },
    });
    expect(parsed.value.methods.map((m) => [m.name, m.returns.kind])).toEqual([
      ["get", "int"],
      ["clear", "void"],
    ]);
  });

  it("fails on the first type it cannot read, naming where", () => {
    expect(
      parseSignature({ function: "f", params: [{ name: "g", type: "Graph" }], returns: "int" }),
    ).toEqual({
      ok: false,
      error: expect.stringMatching(/^signature\.params\[0\] \(g\): type "Graph": unknown type/),
    });
    expect(
      parseSignature({
        kind: "class",
        className: "C",
        constructor: { params: [] },
        methods: [{ name: "m", params: [], returns: "Set<int>" }],
      }),
    ).toEqual({
      ok: false,
      error: expect.stringMatching(/^methods\[0\] \(m\) returns: type "Set<int>"/),
    });
  });
});

// The grammar's shared cases: the server's ValueTypeGrammarTest reads the same file, so the page
// and the server cannot disagree on a type name.
const grammar = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), "../../../src/test/resources/value-types.json"),
    "utf8",
  ),
) as { valid: { name: string; canonical: string }[]; invalid: string[] };

describe("the type grammar shared with the server", () => {
  it.each(grammar.valid)("reads $name as $canonical", ({ name, canonical }) => {
    const parsed = parseType(name);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(typeName(parsed.value)).toBe(canonical);
  });

  it.each(grammar.invalid)("refuses %j", (name) => {
    expect(parseType(name).ok).toBe(false);
  });
});
