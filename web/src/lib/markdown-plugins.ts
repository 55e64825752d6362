// The unified plugins the markdown renderer adds to react-markdown and remark-gfm: what it leaves
// unread in hostile text (markdown-limits.ts), a cap on how deep the tree nests, and `10^5` set as
// a power. Each walks its tree with an explicit stack, so no text can overflow the call stack here.

import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Nodes, Root as MdastRoot } from "mdast";

/** Leaves the named micromark constructs unread: their markup shows as text. */
export function remarkDisable(this: { data(): object }, names: readonly string[]) {
  if (names.length === 0) return;
  // remark-parse reads micromark extensions from here (its types add the field to unified's Data).
  const data = this.data() as { micromarkExtensions?: unknown[] };
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push({ disable: { null: [...names] } });
}

/** Quotes, lists, emphasis and links nest at most this deep; deeper ones give up their markup. */
export const MAX_NESTING = 16;

const NESTING = new Set<Nodes["type"]>([
  "blockquote",
  "list",
  "listItem",
  "footnoteDefinition",
  "emphasis",
  "strong",
  "delete",
  "link",
  "linkReference",
]);

/**
 * Replaces every nesting node deeper than MAX_NESTING by its children, so what is inside stays
 * and the tree (and the page, and the recursion of the steps after this one) stays shallow. A
 * block container's children are blocks and an inline one's are inline, so the tree stays valid.
 */
export function remarkCapNesting() {
  return (tree: MdastRoot) => {
    const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
    for (let frame = stack.pop(); frame; frame = stack.pop()) {
      const { node, depth } = frame;
      if (!("children" in node)) continue;
      const kept: Nodes[] = [];
      const pending: Nodes[] = [...node.children].reverse();
      for (let child = pending.pop(); child; child = pending.pop()) {
        const nests = NESTING.has(child.type);
        if (nests && depth >= MAX_NESTING && "children" in child) {
          for (let i = child.children.length - 1; i >= 0; i--) pending.push(child.children[i]!);
          continue;
        }
        kept.push(child);
        stack.push({ node: child, depth: nests ? depth + 1 : depth });
      }
      (node as { children: Nodes[] }).children = kept;
    }
  };
}

// `10^5` in a bound is a power: the exponent of a digit-caret-digits run is set as a superscript.
// Only in text, so code (`a ^ b`, `x^2` in a snippet) keeps its caret; and only after a digit, so
// `x^2` and `2^k` stay as written. The caret stays in the DOM, visually hidden, so a copied bound
// still reads "10^5".
const POWER = /(?<=\d)\^(\d+)/;
const LITERAL = new Set(["code", "pre", "kbd", "samp"]);

/** Sets the exponent of `10^5` (outside code) as `<sup>`, after a visually hidden caret. */
export function rehypePowers() {
  return (tree: HastRoot) => {
    const stack: (HastRoot | Element)[] = [tree];
    for (let parent = stack.pop(); parent; parent = stack.pop()) {
      const children: ElementContent[] = [];
      let changed = false;
      for (const child of parent.children) {
        if (child.type === "element") {
          if (!LITERAL.has(child.tagName)) stack.push(child);
          children.push(child);
        } else if (child.type === "text" && child.value.includes("^") && POWER.test(child.value)) {
          children.push(...powers(child.value));
          changed = true;
        } else {
          children.push(child as ElementContent);
        }
      }
      if (changed) parent.children = children;
    }
  };
}

function powers(text: string): ElementContent[] {
  // split() with a capture group alternates text and exponent: odd indices are exponents.
  return text.split(POWER).flatMap((part, i): ElementContent[] => {
    if (i % 2 === 0) return part === "" ? [] : [{ type: "text", value: part }];
    return [element("span", { className: ["sr-only"] }, "^"), element("sup", {}, part)];
  });
}

function element(tagName: string, properties: Element["properties"], text: string): Element {
  return { type: "element", tagName, properties, children: [{ type: "text", value: text }] };
}
