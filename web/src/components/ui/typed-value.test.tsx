import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { describeValue } from "../../lib/value-model";
import { typeOf } from "../../lib/value-type-fixtures";
import { ArgumentList, TypedValue } from "./typed-value";

afterEach(cleanup);

const show = (value: unknown, type?: string) =>
  render(<TypedValue shown={describeValue(value, type ? typeOf(type) : undefined)} />);

describe("TypedValue: lists", () => {
  it("shows a linked list with arrows, and the empty list in words", () => {
    show([1, 2, 3], "ListNode");
    const list = screen.getByTestId("list-value");
    expect(list.textContent).toBe("linked list: 1 → , 2 → , 3");
    // The arrows are drawn, not read; a screen reader hears "linked list: 1, 2, 3".
    expect([...list.querySelectorAll('[aria-hidden="true"]')].map((a) => a.textContent)).toEqual([
      " → ",
      " → ",
    ]);
    cleanup();
    show([], "ListNode");
    expect(screen.getByTestId("list-value").textContent).toBe("empty list");
  });

  it("cuts a long list off with a button for the rest", () => {
    show(
      Array.from({ length: 150 }, (_, i) => i),
      "ListNode",
    );
    const more = screen.getByRole("button", { name: "… 50 more nodes" });
    expect(screen.getByTestId("list-value").textContent).not.toContain("→ , 149");
    fireEvent.click(more);
    expect(screen.getByTestId("list-value").textContent).toContain("→ , 149");
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("TypedValue: a list whose last node links back", () => {
  it("draws the values with arrows, then a loop mark naming the node linked to", () => {
    show({ values: [3, 2, 0, -4], tailLinksTo: 1 }, "ListNode");
    const list = screen.getByTestId("list-value");
    expect(list.textContent).toBe(
      "linked list: 3 → , 2 → , 0 → , -4 ↺ 2, the last node links back to the node at index 1 (value 2)",
    );
    const loop = within(list).getByTestId("list-cycle");
    expect(loop.getAttribute("title")).toBe(
      "the last node links back to the node at index 1 (value 2)",
    );
    // The drawn mark is not read; the words after it are.
    expect(loop.querySelector('[aria-hidden="true"]')?.textContent).toBe(" ↺ 2");
    expect(within(list).getByTestId("list-cycle-target").textContent).toBe("2");
  });

  it("marks which node is linked to where its value repeats, a node linking to itself too", () => {
    show({ values: [7, 7, 7], tailLinksTo: 1 }, "ListNode");
    const nodes = [...screen.getByTestId("list-value").children].filter((c) =>
      c.textContent?.includes("7"),
    );
    const target = screen.getByTestId("list-cycle-target");
    expect(nodes.findIndex((node) => node.contains(target))).toBe(1);
    cleanup();
    show({ values: [5], tailLinksTo: 0 }, "ListNode");
    expect(screen.getByTestId("list-cycle-target").textContent).toBe("5");
    expect(screen.getByTestId("list-cycle").getAttribute("title")).toBe(
      "the last node links back to the node at index 0 (value 5)",
    );
  });

  it("keeps the loop mark when a long list is cut off, the target drawn once shown", () => {
    show({ values: Array.from({ length: 150 }, (_, i) => i), tailLinksTo: 120 }, "ListNode");
    expect(screen.queryByTestId("list-cycle-target")).toBeNull();
    expect(screen.getByTestId("list-cycle").getAttribute("title")).toMatch(
      /index 120 \(value 120\)$/,
    );
    fireEvent.click(screen.getByRole("button", { name: "… 50 more nodes" }));
    expect(screen.getByTestId("list-cycle-target").textContent).toBe("120");
    expect(screen.getByTestId("list-value").textContent).toContain("→ , 149 ↺ 120");
  });

  it("gives it a row of its own among arguments, and shows a bad index as not fitting", () => {
    render(
      <ArgumentList
        names={["head", "pos"]}
        values={[
          describeValue({ values: [1, 2], tailLinksTo: 0 }, typeOf("ListNode")),
          describeValue(0, typeOf("int")),
        ]}
      />,
    );
    expect(screen.getByText("head =")).toBeTruthy();
    expect(screen.getByTestId("list-cycle")).toBeTruthy();
    cleanup();
    show({ values: [1, 2], tailLinksTo: 2 }, "ListNode");
    expect(screen.getByTestId("type-mismatch").textContent).toBe(
      '{"values":[1,2],"tailLinksTo":2} not of type ListNode',
    );
  });
});

describe("TypedValue: maps, bigints, null", () => {
  it("shows a map as key: value rows, sorted by key", () => {
    show({ pear: [2], apple: [1, 2] }, "map<string, int[]>");
    const map = screen.getByTestId("map-value");
    expect([...map.querySelectorAll("dt")].map((dt) => dt.textContent)).toEqual([
      '"apple":',
      '"pear":',
    ]);
    expect([...map.querySelectorAll("dd")].map((dd) => dd.textContent)).toEqual(["[1,2]", "[2]"]);
    cleanup();
    show({}, "map<string, int>");
    expect(screen.getByTestId("map-value").textContent).toBe("empty map");
  });

  it("shows a bigint as its digits, whether sent as a string or a number", () => {
    const { container } = show("-123456789012345678901234567890", "bigint");
    expect(container.textContent).toBe("-123456789012345678901234567890");
    cleanup();
    expect(show(42, "bigint").container.textContent).toBe("42");
  });

  it("shows null as null, and a value that does not fit its type as JSON that says so", () => {
    expect(show(null, "int?").container.textContent).toBe("null");
    cleanup();
    show("abc", "ListNode");
    expect(screen.getByTestId("type-mismatch").textContent).toBe('"abc" not of type ListNode');
  });
});

describe("TypedValue: trees", () => {
  it("draws a tree beside its array form", () => {
    show([1, null, 2, 3], "TreeNode");
    const tree = screen.getByTestId("tree-value");
    const drawing = within(tree).getByRole("img", { name: "Drawing of a tree with 3 nodes" });
    expect([...drawing.querySelectorAll("g text")].map((t) => t.textContent)).toEqual([
      "1",
      "3",
      "2",
    ]);
    // Two edges: 1 to 2, 2 to 3.
    expect(drawing.querySelectorAll("line")).toHaveLength(2);
    expect(tree.textContent).toContain("[1,null,2,3]");
  });

  it("says the empty tree in words", () => {
    show([], "TreeNode");
    expect(screen.getByTestId("tree-value").textContent).toBe("empty tree []");
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("hides and shows the drawing from a button that says its state", () => {
    show([1, 2, 3], "TreeNode");
    const toggle = screen.getByRole("button", { name: "Hide drawing" });
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(toggle);
    expect(screen.queryByRole("img")).toBeNull();
    const draw = screen.getByRole("button", { name: "Draw tree (3 nodes)" });
    expect(draw.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(draw);
    expect(screen.getByRole("img")).toBeTruthy();
  });

  it("draws a big tree a few levels deep, then all of it on request", () => {
    // A complete tree of 63 nodes: 31 fit in the first five levels.
    show(
      Array.from({ length: 63 }, (_, i) => i),
      "TreeNode",
    );
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
      "Drawing of a tree with 63 nodes, 31 drawn",
    );
    expect(screen.getByText("32 more nodes not drawn")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show 32 more nodes" }));
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
      "Drawing of a tree with 63 nodes",
    );
    fireEvent.click(screen.getByRole("button", { name: "Show fewer levels" }));
    expect(screen.getByRole("img").getAttribute("aria-label")).toMatch(/31 drawn/);
  });

  it("never draws more than 255 nodes; the array has them all", () => {
    show(
      Array.from({ length: 600 }, (_, i) => i),
      "TreeNode",
    );
    fireEvent.click(screen.getByRole("button", { name: /^Show \d+ more nodes$/ }));
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
      "Drawing of a tree with 600 nodes, 255 drawn",
    );
    expect(screen.getByText("345 more nodes not drawn; the array has every node")).toBeTruthy();
  });
});

describe("ArgumentList", () => {
  it("writes text arguments on one line, lists with arrows", () => {
    render(
      <ArgumentList
        names={["head", "k"]}
        values={[describeValue([1, 2], typeOf("ListNode")), describeValue(2, typeOf("int"))]}
      />,
    );
    expect(screen.getByText("head = 1 → 2, k = 2")).toBeTruthy();
  });

  it("gives a tree or a map a row of its own, and names arguments past the signature", () => {
    render(
      <ArgumentList
        names={["root"]}
        values={[describeValue([1, 2], typeOf("TreeNode")), describeValue(3, undefined)]}
      />,
    );
    expect(screen.getByRole("img", { name: "Drawing of a tree with 2 nodes" })).toBeTruthy();
    expect(screen.getByText("arg1 =")).toBeTruthy();
  });
});
