import { useState } from "react";
import {
  cycleTarget,
  isInline,
  plainText,
  toSegments,
  type Mark,
  type Segment,
  type Shown,
} from "../../lib/value-model";
import { TreeDrawing } from "./tree-drawing";

/** Which side a value is on: marks are green on the expected side, red on the actual one. */
export type Tone = "expected" | "actual";

export const markClass = (tone: Tone) =>
  tone === "actual"
    ? "bg-verdict-wrong/15 text-verdict-wrong"
    : "bg-verdict-accepted/15 text-verdict-accepted";

/** What a screen reader hears before a marked part. */
function markWords(tone: Tone, mark: Mark): string {
  if (tone === "actual") return mark === "only" ? "(extra: " : "(differs: ";
  return mark === "only" ? "(missing from output: " : "(expected: ";
}

/** A highlighted part, announced as different. */
export function Marked({ tone, mark, children }: { tone: Tone; mark: Mark; children: string }) {
  return (
    <mark data-mark={mark} className={`rounded-sm px-0.5 ${markClass(tone)}`}>
      <span className="sr-only">{markWords(tone, mark)}</span>
      {children}
      <span className="sr-only">)</span>
    </mark>
  );
}

/** A value's text in monospace; segments flagged as different are highlighted and announced. */
export function SegmentsView({ segments, tone }: { segments: Segment[]; tone: Tone }) {
  return (
    <code className="font-mono break-all whitespace-pre-wrap">
      {segments.map((segment, i) =>
        segment.mark ? (
          <Marked key={i} tone={tone} mark={segment.mark}>
            {segment.text}
          </Marked>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </code>
  );
}

const muted = "text-ink-muted italic";

/** A value drawn as what it is: a list with arrows, a tree drawn beside its array, a map as rows. */
export function TypedValue({ shown, tone = "expected" }: { shown: Shown; tone?: Tone }) {
  if (shown.mark && shown.kind !== "tree") {
    return <SegmentsView segments={toSegments(shown)} tone={tone} />;
  }
  switch (shown.kind) {
    case "null":
    case "void":
      return <code className="font-mono text-ink-muted">null</code>;
    case "list":
      return <ListView shown={shown} tone={tone} />;
    case "tree":
      return <TreeView shown={shown} tone={tone} />;
    case "map":
      return <MapView shown={shown} tone={tone} />;
    case "mismatch":
      return (
        <span data-testid="type-mismatch">
          <code className="font-mono break-all whitespace-pre-wrap">{shown.json}</code>{" "}
          <span className="text-xs text-verdict-internal">not of type {shown.type}</span>
        </span>
      );
    case "array":
      if (!isInline(shown)) return <BlockArray shown={shown} tone={tone} />;
      return <SegmentsView segments={toSegments(shown)} tone={tone} />;
    default:
      return <SegmentsView segments={toSegments(shown)} tone={tone} />;
  }
}

/** Lists longer than this show their start (and the first difference), then a button for the rest. */
const LIST_SHOWN = 100;

/** The node a list's last node links back to, and the loop mark naming it: underlined alike. */
const cycleMark = "underline decoration-accent decoration-2 underline-offset-4";

function ListView({ shown, tone }: { shown: Shown & { kind: "list" }; tone: Tone }) {
  const [all, setAll] = useState(false);
  if (shown.items.length === 0) {
    return (
      <span data-testid="list-value" className={muted}>
        empty list
      </span>
    );
  }
  const firstMark = shown.items.findIndex((item) => item.mark);
  const limit = all ? shown.items.length : Math.max(LIST_SHOWN, firstMark + 10);
  const items = shown.items.slice(0, limit);
  const rest = shown.items.length - items.length;
  const target = cycleTarget(shown);
  const loop = target
    ? `the last node links back to the node at index ${target.index} (value ${target.text})`
    : "";
  return (
    <span data-testid="list-value" className="font-mono break-words">
      <span className="sr-only">linked list: </span>
      {items.map((item, i) => (
        <span key={i}>
          {i > 0 && (
            <>
              <span aria-hidden="true" className="text-ink-muted">
                {" → "}
              </span>
              <span className="sr-only">, </span>
            </>
          )}
          {i === target?.index ? (
            // Marked so the node linked to is plain even where its value appears more than once.
            <span
              data-testid="list-cycle-target"
              title="the last node links back here"
              className={cycleMark}
            >
              <SegmentsView segments={toSegments(item)} tone={tone} />
            </span>
          ) : (
            <SegmentsView segments={toSegments(item)} tone={tone} />
          )}
        </span>
      ))}
      {rest > 0 && (
        <>
          {" "}
          <button
            type="button"
            onClick={() => setAll(true)}
            className="font-sans text-xs text-accent underline-offset-2 hover:underline"
          >
            … {rest} more {rest === 1 ? "node" : "nodes"}
          </button>
        </>
      )}
      {target && (
        <span data-testid="list-cycle" title={loop}>
          <span aria-hidden="true">
            <span className="text-ink-muted">{" ↺ "}</span>
            <span className={cycleMark}>{target.text}</span>
          </span>
          <span className="sr-only">, {loop}</span>
        </span>
      )}
    </span>
  );
}

function TreeView({ shown, tone }: { shown: Shown & { kind: "tree" }; tone: Tone }) {
  const array = <SegmentsView segments={toSegments({ ...shown, mark: undefined })} tone={tone} />;
  if (!shown.root) {
    return (
      <span data-testid="tree-value">
        <span className={muted}>empty tree</span> <span className="text-ink-muted">{array}</span>
      </span>
    );
  }
  return (
    <div
      data-testid="tree-value"
      className={`flex flex-wrap items-start gap-x-4 gap-y-1 ${shown.mark ? `rounded-md p-1 ${markClass(tone)}` : ""}`}
    >
      <TreeDrawing shown={shown} tone={tone} />
      <div className="min-w-0 flex-1 basis-40">{array}</div>
    </div>
  );
}

function MapView({ shown, tone }: { shown: Shown & { kind: "map" }; tone: Tone }) {
  if (shown.entries.length === 0) {
    return (
      <span data-testid="map-value" className={muted}>
        empty map
      </span>
    );
  }
  return (
    <dl
      data-testid="map-value"
      className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 font-mono text-[13px]"
    >
      {shown.entries.map((entry) => (
        <div key={entry.key} className="contents" data-mark={entry.mark}>
          <dt className="break-all">
            {entry.mark ? (
              <Marked tone={tone} mark={entry.mark}>
                {JSON.stringify(entry.key)}
              </Marked>
            ) : (
              JSON.stringify(entry.key)
            )}
            <span className="text-ink-muted">:</span>
          </dt>
          <dd className="min-w-0 break-all">
            <TypedValue shown={entry.value} tone={tone} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** An array of lists, trees or maps: one item per row, with its index. */
function BlockArray({ shown, tone }: { shown: Shown & { kind: "array" }; tone: Tone }) {
  if (shown.items.length === 0) return <code className="font-mono">[]</code>;
  return (
    <ol className="space-y-1" data-testid="array-value">
      {shown.items.map((item, i) => (
        <li key={i} className="flex gap-2">
          <span className="shrink-0 font-mono text-xs text-ink-muted">[{i}]</span>
          <div className="min-w-0 flex-1">
            <TypedValue shown={item} tone={tone} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * A call's arguments as `name = value`: on one line when every value reads as text, else one
 * argument per row, so a tree or a map has room to be drawn.
 */
export function ArgumentList({ names, values }: { names: string[]; values: Shown[] }) {
  const name = (i: number) => names[i] ?? `arg${i}`;
  if (values.every(isInline)) {
    return values.map((value, i) => `${name(i)} = ${plainText(value)}`).join(", ");
  }
  return (
    <div className="space-y-1">
      {values.map((value, i) => (
        <div key={i} className="flex gap-2">
          <span className="shrink-0 font-mono">{name(i)} =</span>
          <div className="min-w-0 flex-1">
            <TypedValue shown={value} />
          </div>
        </div>
      ))}
    </div>
  );
}
