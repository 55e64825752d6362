import { describe, expect, it } from "vitest";
import {
  parseSignature,
  parseType,
  type RawSignature,
  type ValueType,
} from "../../../lib/value-type";
import { caseFields, exampleOf, parseArgument, parseCase, toFields } from "./arguments";

const type = (name: string): ValueType => {
  const parsed = parseType(name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
const signature = (raw: RawSignature) => {
  const parsed = parseSignature(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
/** The value to send, or the message. */
const arg = (text: string, name: string, param = "x") => {
  const parsed = parseArgument(text, type(name), param);
  return parsed.ok ? parsed.value : parsed.error;
};

describe("parseArgument: the scalars and arrays", () => {
  it("accepts values of the signature types", () => {
    expect(arg("3", "int")).toBe(3);
    expect(arg(String(2 ** 40), "long")).toBe(2 ** 40);
    expect(arg("0.5", "double")).toBe(0.5);
    expect(arg("true", "boolean")).toBe(true);
    expect(arg('""', "string")).toBe("");
    expect(arg("[[1], [2, 3], []]", "int[][]")).toEqual([[1], [2, 3], []]);
    expect(arg("[]", "string[]")).toEqual([]);
    expect(arg(" [1, 2] ", "int[]")).toEqual([1, 2]);
  });

  it("names the offending element", () => {
    expect(arg("[1, 2.5]", "int[]", "nums")).toBe("nums[1]: expected an int, got number 2.5");
    expect(arg('[[1], ["a"]]', "int[][]", "grid")).toBe(
      'grid[1][0]: expected an int, got the string "a"',
    );
    expect(arg("5", "int[]", "nums")).toBe("nums: expected int[], got number 5");
    expect(arg('"true"', "boolean", "b")).toBe('b: expected true or false, got the string "true"');
  });

  it("takes an integer only as an integer token, as the server does", () => {
    expect(arg("3.0", "int", "n")).toBe(
      'n: expected an int, got number 3.0 (an int is written without "." or "e")',
    );
    expect(arg("1e2", "long", "n")).toMatch(/^n: expected a long, got number 1e2/);
  });

  it("enforces ranges on the digits typed, not on a rounded number", () => {
    expect(arg(String(2 ** 31), "int", "n")).toMatch(/does not fit in an int/);
    expect(arg(String(-(2 ** 31)), "int")).toBe(-(2 ** 31));
    // ±2^53 is the server's bound, inclusive; 2^53 + 1 reads as 2^53 in JavaScript.
    expect(arg("9007199254740992", "long")).toBe(2 ** 53);
    expect(arg("9007199254740993", "long", "n")).toBe("n: 9007199254740993 is beyond ±2^53");
    expect(arg("1e400", "double", "x")).toBe("x: 1e400 is too large for a double");
  });

  it("explains missing quotes on strings, empty fields and bad JSON", () => {
    expect(arg("abc", "string", "s")).toBe(
      's: not valid JSON (strings need double quotes, e.g. "abc")',
    );
    expect(arg("  ", "int", "n")).toBe("n: enter a value of type int");
    expect(arg("[1,", "int[]", "nums")).toBe("nums: not valid JSON");
    expect(arg("[1] 2", "int[]", "nums")).toBe("nums: not valid JSON");
  });
});

describe("parseArgument: the new types", () => {
  it("reads a bigint from a string or an integer token, and sends its digits as a string", () => {
    expect(arg('"-12345678901234567890"', "bigint")).toBe("-12345678901234567890");
    expect(arg("123456789012345678901234567890", "bigint")).toBe("123456789012345678901234567890");
    expect(arg('"12a4"', "bigint", "n")).toBe(
      'n: "12a4" is not a bigint: digits only, with an optional leading -',
    );
    expect(arg('"+5"', "bigint", "n")).toMatch(/not a bigint/);
    expect(arg('""', "bigint", "n")).toMatch(/not a bigint/);
    expect(arg("12a4", "bigint", "n")).toBe(
      "n: not valid JSON (a bigint is digits with an optional leading -, e.g. 12345678901234567890)",
    );
    expect(arg("1.5", "bigint", "n")).toBe(
      "n: expected a bigint (digits, as a string or a number), got number 1.5",
    );
    expect(arg('["1", 2]', "bigint[]")).toEqual(["1", "2"]);
    expect(arg(`"${"9".repeat(4000)}"`, "bigint")).toBe("9".repeat(4000));
    expect(arg("-" + "9".repeat(4001), "bigint", "n")).toBe(
      "n: a bigint has at most 4000 digits, this one 4001",
    );
  });

  it("reads a ListNode as an array of ints", () => {
    expect(arg("[1,2,3]", "ListNode")).toEqual([1, 2, 3]);
    expect(arg("[]", "ListNode")).toEqual([]);
    expect(arg("[1,null]", "ListNode", "head")).toBe("head[1]: expected an int, got null");
    expect(arg('"1,2"', "ListNode", "head")).toBe(
      'head: expected a ListNode (an array of ints, e.g. [1,2,3], or {"values": [...], "tailLinksTo": i} for a list whose last node links back), got the string "1,2"',
    );
    expect(arg("[[1],[]]", "ListNode[]")).toEqual([[1], []]);
  });

  it("reads a ListNode whose last node links back as values and the index linked to", () => {
    expect(arg('{"values": [3, 2, 0, -4], "tailLinksTo": 1}', "ListNode")).toEqual({
      values: [3, 2, 0, -4],
      tailLinksTo: 1,
    });
    // A node linking to itself; the keys in either order, sent as typed.
    const self = arg('{"tailLinksTo": 0, "values": [5]}', "ListNode");
    expect(self).toEqual({ values: [5], tailLinksTo: 0 });
    expect(Object.keys(self as object)).toEqual(["tailLinksTo", "values"]);
    expect(arg('[[1,2], {"values": [7, 8], "tailLinksTo": 1}, []]', "ListNode[]")).toEqual([
      [1, 2],
      { values: [7, 8], tailLinksTo: 1 },
      [],
    ]);
  });

  it("explains a cyclic ListNode it refuses, naming the place", () => {
    const head = (text: string) => arg(text, "ListNode", "head");
    expect(head('{"values": [3, 2, 0, -4], "tailLinksTo": 4}')).toBe(
      "head.tailLinksTo: 4 is not an index of values (0 to 3)",
    );
    expect(head('{"values": [3], "tailLinksTo": -1}')).toBe(
      "head.tailLinksTo: -1 is not an index of values (0 to 0)",
    );
    expect(head('{"values": [3], "tailLinksTo": 0.0}')).toBe(
      'head.tailLinksTo: expected an int, got number 0.0 (an int is written without "." or "e")',
    );
    expect(head('{"values": [3], "tailLinksTo": "0"}')).toBe(
      'head.tailLinksTo: expected an int, got the string "0"',
    );
    expect(head('{"values": [1, 2]}')).toBe(
      'head: "tailLinksTo" is missing (a list without a cycle is an array, e.g. [1,2])',
    );
    expect(head('{"tailLinksTo": 0}')).toBe(
      'head: "values" is missing (the list\'s values, e.g. {"values": [3,2,0,-4], "tailLinksTo": 1})',
    );
    expect(head("{}")).toMatch(/^head: "values" is missing/);
    expect(head('{"values": [], "tailLinksTo": 0}')).toBe(
      "head.values: a list whose last node links back has at least one node",
    );
    expect(head('{"values": [1, null], "tailLinksTo": 0}')).toBe(
      "head.values[1]: expected an int, got null",
    );
    expect(head(`{"values": [${2 ** 31}], "tailLinksTo": 0}`)).toMatch(
      /^head\.values\[0\]: 2147483648 does not fit in an int/,
    );
    expect(head('{"values": {"0": 1}, "tailLinksTo": 0}')).toBe(
      "head.values: expected an array of ints, got an object",
    );
    expect(head('{"values": [1], "tailLinksTo": 0, "next": 1}')).toBe(
      'head: unknown key "next" (a list whose last node links back has just "values" and "tailLinksTo")',
    );
    expect(head('{"values": [1], "tailLinksTo": 0, "tailLinksTo": 0}')).toBe(
      'head: the key "tailLinksTo" appears twice',
    );
    expect(arg('[[1], {"values": [1], "tailLinksTo": 1}]', "ListNode[]", "lists")).toBe(
      "lists[1].tailLinksTo: 1 is not an index of values (0 to 0)",
    );
  });

  it("reads a TreeNode as a well-formed level-order array", () => {
    expect(arg("[1,null,2,3]", "TreeNode")).toEqual([1, null, 2, 3]);
    expect(arg("[]", "TreeNode")).toEqual([]);
    expect(arg("[null]", "TreeNode", "root")).toBe(
      "root: the first value is the root, which cannot be null ([] is the empty tree)",
    );
    expect(arg("[1,null,null,2]", "TreeNode", "root")).toBe(
      "root: the value at [3] has no parent: children are listed only under nodes that are present",
    );
    expect(arg("[1,2,null]", "TreeNode", "root")).toBe(
      "root: trailing nulls are left out (write [1,2], not [1,2,null])",
    );
    expect(arg('[1,"2"]', "TreeNode", "root")).toBe(
      'root[1]: expected an int or null, got the string "2"',
    );
    expect(arg("[1,2.5]", "TreeNode", "root")).toBe("root[1]: expected an int, got number 2.5");
    expect(arg("1", "TreeNode", "root")).toMatch(
      /^root: expected a TreeNode \(a level-order array/,
    );
  });

  it("reads nullable values", () => {
    expect(arg("null", "int?")).toBeNull();
    expect(arg("4", "int?")).toBe(4);
    expect(arg("null", "int", "n")).toBe("n: expected an int, got null");
    expect(arg("[1,null]", "int?[]")).toEqual([1, null]);
    expect(arg("[1,null]", "int[]?", "a")).toBe("a[1]: expected an int, got null");
    expect(arg("null", "int[]?")).toBeNull();
  });

  it("reads maps, naming the key at fault", () => {
    expect(arg('{"a": 1, "b": 2}', "map<string, int>")).toEqual({ a: 1, b: 2 });
    expect(arg('{"a": "x"}', "map<string, int>", "m")).toBe(
      'm["a"]: expected an int, got the string "x"',
    );
    expect(arg('{"a": 1, "a": 2}', "map<string, int>", "m")).toBe('m: the key "a" appears twice');
    expect(arg("[1]", "map<string, int>", "m")).toBe(
      "m: expected map<string, int> (an object), got an array",
    );
    expect(arg('[{"k": [1]}]', "map<string, int[]>[]")).toEqual([{ k: [1] }]);
    // A key the object prototype knows is just a key.
    expect(Object.keys(arg('{"__proto__": 1}', "map<string, int>") as object)).toEqual([
      "__proto__",
    ]);
  });
});

describe("exampleOf", () => {
  it("gives an example that its own type accepts", () => {
    const names = ["int", "double", "boolean", "string", "bigint", "ListNode", "TreeNode"];
    for (const name of [...names, "int?[]", "map<string, TreeNode[]>", "bigint[][]", "string?"]) {
      expect(parseArgument(exampleOf(type(name)), type(name), "x").ok, name).toBe(true);
    }
    expect(exampleOf(type("map<string, ListNode>"))).toBe('{"key":[1,2,3]}');
  });
});

describe("parseCase for a function", () => {
  const sig = signature({
    function: "f",
    params: [
      { name: "nums", type: "int[]" },
      { name: "target", type: "int" },
    ],
    returns: "int",
  });

  it("has one field per parameter", () => {
    expect(caseFields(sig)).toEqual([
      { name: "nums", hint: "int[]", example: "[3]" },
      { name: "target", hint: "int", example: "3" },
    ]);
  });

  it("returns the arguments when every field is valid", () => {
    expect(parseCase(["[2,7]", "9"], sig)).toEqual({ ok: true, args: [[2, 7], 9] });
  });

  it("reports each field's error", () => {
    expect(parseCase(["[2,x]", "9"], sig)).toEqual({
      ok: false,
      errors: ["nums: not valid JSON", null],
    });
    expect(parseCase(["[2]"], sig)).toEqual({
      ok: false,
      errors: [null, "target: enter a value of type int"],
    });
  });

  it("round-trips fields from arguments", () => {
    expect(parseCase(toFields([[1, 2], 3]), sig)).toEqual({ ok: true, args: [[1, 2], 3] });
  });
});

describe("parseCase for a design class", () => {
  const sig = signature({
    kind: "class",
    className: "LRUCache",
    constructor: { params: [{ name: "capacity", type: "int" }] },
    methods: [
      { name: "get", params: [{ name: "key", type: "int" }], returns: "int" },
      {
        name: "put",
        params: [
          { name: "key", type: "int" },
          { name: "value", type: "int" },
        ],
        returns: "void",
      },
      { name: "size", params: [], returns: "int" },
    ],
  });
  const errors = (ops: string, args: string) => {
    const parsed = parseCase([ops, args], sig);
    return parsed.ok ? parsed.args : parsed.errors;
  };

  it("has two fields: the calls and their arguments, with examples that fit", () => {
    const fields = caseFields(sig);
    expect(fields.map((f) => [f.name, f.example])).toEqual([
      ["ops", '["LRUCache","get"]'],
      ["args", "[[3],[3]]"],
    ]);
    expect(
      parseCase(
        fields.map((f) => f.example),
        sig,
      ).ok,
    ).toBe(true);
  });

  it("accepts a call sequence that fits the class", () => {
    expect(errors('["LRUCache","put","get"]', "[[2],[1,1],[1]]")).toEqual([
      ["LRUCache", "put", "get"],
      [[2], [1, 1], [1]],
    ]);
  });

  it("says what is wrong with the calls", () => {
    expect(errors('["put"]', "[[1,1]]")).toEqual([
      'ops[0]: the first call constructs the class: "LRUCache", not "put"',
      null,
    ]);
    expect(errors('["LRUCache","gett"]', "[[2],[1]]")[0]).toBe(
      'ops[1]: LRUCache has no method "gett" (its methods: get, put, size)',
    );
    expect(errors('["LRUCache","LRUCache"]', "[[2],[1]]")[0]).toBe(
      "ops[1]: the constructor is called only once, first",
    );
    expect(errors("[]", "[]")[0]).toBe(
      'ops: the first call constructs the class, e.g. ["LRUCache","get"]',
    );
    expect(errors('"get"', "[]")[0]).toMatch(/^ops: expected an array of method names/);
  });

  it("checks each call's arguments against its method", () => {
    expect(errors('["LRUCache","put"]', "[[2]]")).toEqual([
      null,
      "args: 1 argument list for 2 calls in ops",
    ]);
    expect(errors('["LRUCache","put"]', "[[2],[1]]")[1]).toBe(
      "args[1]: put takes 2 arguments (key, value), got 1",
    );
    expect(errors('["LRUCache","size"]', "[[2],[1]]")[1]).toBe(
      "args[1]: size takes no arguments, got 1",
    );
    expect(errors('["LRUCache","get"]', '[[2],["k"]]')[1]).toBe(
      'args[1][0]: expected an int, got the string "k"',
    );
    expect(errors('["LRUCache"]', "[2]")[1]).toMatch(/^args: expected an array of argument arrays/);
  });
});
