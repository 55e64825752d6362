import { useId, useState } from "react";
import type { TreeShape } from "../../lib/level-order";
import { inlineText, type Mark, type Shown } from "../../lib/value-model";
import type { Tone } from "./typed-value";

// A binary tree drawn small: each node at its in-order position across and its depth down, so no
// two nodes overlap whatever the shape. Big trees are drawn a few levels deep at first (and deep
// enough to show the first marked node); the rest is one click away, up to a cap beyond which the
// array form beside the drawing is the whole truth.

/** Drawn at first: as many levels as fit this many nodes. */
const FIRST_NODES = 31;
/** Never drawn beyond this many nodes. */
const MOST_NODES = 255;

const LEVEL = 40;
const HEIGHT = 22;
const GAP = 6;
const PAD = 2;

type Tree = Shown & { kind: "tree" };

interface Placed {
  x: number;
  y: number;
  width: number;
  label: string;
  mark?: Mark;
  /** A written null that the other side has a node for: drawn as an empty dashed box. */
  ghost: boolean;
  /** Children not drawn at this depth. */
  cut: boolean;
  parent: Placed | null;
}

/** How many levels hold at most `budget` nodes, given the nodes per depth. */
function levelsWithin(perDepth: number[], budget: number): number {
  let total = 0;
  for (let d = 0; d < perDepth.length; d++) {
    total += perDepth[d]!;
    if (total > budget) return Math.max(d, 1);
  }
  return perDepth.length;
}

function layout(tree: Tree, levels: number): { nodes: Placed[]; width: number; height: number } {
  const byPath = new Map(tree.slots.map((slot) => [slot.path, tree.items[slot.index]!]));
  const nodes: Placed[] = [];
  let cursor = PAD;
  let deepest = 0;
  const place = (label: string, depth: number, extra: Partial<Placed>) => {
    const width = Math.max(24, label.length * 7.2 + 12);
    const node: Placed = {
      x: cursor + width / 2,
      y: PAD + depth * LEVEL,
      width,
      label,
      ghost: false,
      cut: false,
      parent: null,
      ...extra,
    };
    cursor += width + GAP;
    deepest = Math.max(deepest, depth);
    nodes.push(node);
    return node;
  };
  // In order: left subtree, the node, right subtree, so a node sits between its subtrees.
  const child = (node: TreeShape<Shown> | null, path: string, depth: number): Placed | null => {
    if (node) return visit(node);
    const missing = byPath.get(path);
    return missing?.mark ? place("∅", depth, { ghost: true, mark: missing.mark }) : null;
  };
  const visit = (node: TreeShape<Shown>): Placed => {
    const deeper = node.depth + 1 < levels;
    const left = deeper ? child(node.left, node.path + "L", node.depth + 1) : null;
    const self = place(inlineText({ ...node.value, mark: undefined }), node.depth, {
      mark: node.value.mark,
      cut: !deeper && (node.left !== null || node.right !== null),
    });
    const right = deeper ? child(node.right, node.path + "R", node.depth + 1) : null;
    if (left) left.parent = self;
    if (right) right.parent = self;
    return self;
  };
  if (tree.root) visit(tree.root);
  // Room under the last level for the "…" that marks children not drawn.
  const below = nodes.some((n) => n.cut) ? 14 : 0;
  return { nodes, width: cursor - GAP + PAD, height: PAD * 2 + deepest * LEVEL + HEIGHT + below };
}

const toneClasses = (tone: Tone) =>
  tone === "actual"
    ? { box: "fill-verdict-wrong/15 stroke-verdict-wrong", text: "fill-verdict-wrong" }
    : { box: "fill-verdict-accepted/15 stroke-verdict-accepted", text: "fill-verdict-accepted" };

export function TreeDrawing({ shown, tone = "expected" }: { shown: Tree; tone?: Tone }) {
  const id = useId();
  const perDepth: number[] = [];
  let markedDepth = -1;
  for (const slot of shown.slots) {
    const item = shown.items[slot.index]!;
    if (slot.present) perDepth[slot.path.length] = (perDepth[slot.path.length] ?? 0) + 1;
    if (item.mark)
      markedDepth = markedDepth === -1 ? slot.path.length : Math.min(markedDepth, slot.path.length);
  }
  const height = perDepth.length;
  const most = levelsWithin(perDepth, MOST_NODES);
  const first = Math.min(most, Math.max(levelsWithin(perDepth, FIRST_NODES), markedDepth + 1));
  const [levels, setLevels] = useState<number | null>(null);
  const [open, setOpen] = useState(true);
  const drawnLevels = levels ?? first;
  const drawnCount = perDepth.slice(0, drawnLevels).reduce((a, b) => a + b, 0);
  const hidden = shown.size - drawnCount;
  const beyondCap = shown.size - perDepth.slice(0, most).reduce((a, b) => a + b, 0);
  const marks = shown.items.filter((item) => item.mark).length;
  const { nodes, width, height: svgHeight } = layout(shown, drawnLevels);
  const classes = toneClasses(tone);
  const button = "font-sans text-xs text-accent underline-offset-2 hover:underline";

  return (
    <div className="max-w-full min-w-0">
      <div className="flex flex-wrap items-center gap-x-3">
        <button
          type="button"
          className={button}
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open
            ? "Hide drawing"
            : `Draw tree (${shown.size} ${shown.size === 1 ? "node" : "nodes"})`}
        </button>
        {open && hidden > 0 && drawnLevels < most && (
          <button type="button" className={button} onClick={() => setLevels(most)}>
            Show {hidden - beyondCap} more {hidden - beyondCap === 1 ? "node" : "nodes"}
          </button>
        )}
        {open && drawnLevels > first && (
          <button type="button" className={button} onClick={() => setLevels(first)}>
            Show fewer levels
          </button>
        )}
      </div>
      {open && (
        // Focusable, so a drawing wider than its pane can be scrolled from the keyboard.
        <div id={id} tabIndex={0} className="mt-1 max-w-full overflow-x-auto">
          <svg
            role="img"
            aria-label={`Drawing of a tree with ${shown.size} ${shown.size === 1 ? "node" : "nodes"}${
              hidden > 0 ? `, ${drawnCount} drawn` : ""
            }${marks > 0 ? `, ${marks} marked` : ""}`}
            width={width}
            height={svgHeight}
            viewBox={`0 0 ${width} ${svgHeight}`}
            className="block font-mono text-[12px]"
          >
            {nodes.map((node, i) =>
              node.parent ? (
                <line
                  key={`e${i}`}
                  x1={node.parent.x}
                  y1={node.parent.y + HEIGHT}
                  x2={node.x}
                  y2={node.y}
                  className="stroke-ink-muted/50"
                  strokeDasharray={node.ghost ? "3 2" : undefined}
                />
              ) : null,
            )}
            {nodes.map((node, i) => (
              <g key={`n${i}`} data-mark={node.mark} data-ghost={node.ghost || undefined}>
                <rect
                  x={node.x - node.width / 2}
                  y={node.y}
                  width={node.width}
                  height={HEIGHT}
                  rx={HEIGHT / 2}
                  className={node.mark ? classes.box : "fill-surface-raised stroke-line"}
                  strokeDasharray={node.ghost || node.mark === "only" ? "3 2" : undefined}
                />
                <text
                  x={node.x}
                  y={node.y + HEIGHT / 2}
                  textAnchor="middle"
                  dominantBaseline="central"
                  className={node.mark ? classes.text : node.ghost ? "fill-ink-muted" : "fill-ink"}
                >
                  {node.label}
                </text>
                {node.cut && (
                  <text
                    x={node.x}
                    y={node.y + HEIGHT + 9}
                    textAnchor="middle"
                    className="fill-ink-muted text-[10px]"
                  >
                    …
                  </text>
                )}
              </g>
            ))}
          </svg>
        </div>
      )}
      {open && hidden > 0 && (
        <p className="text-xs text-ink-muted">
          {hidden} more {hidden === 1 ? "node" : "nodes"}
          {drawnLevels >= most && height > most
            ? " not drawn; the array has every node"
            : " not drawn"}
        </p>
      )}
    </div>
  );
}
