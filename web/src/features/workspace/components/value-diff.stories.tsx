import type { Story } from "@ladle/react";
import { CallTable } from "../../../components/ui/call-table";
import { TypedValue } from "../../../components/ui/typed-value";
import { describeValue } from "../../../lib/value-model";
import { typeOf } from "../../../lib/value-type-fixtures";
import { diffShown } from "../model/value-diff";

export default { title: "Workspace / Differences" };

const shown = (value: unknown, type: string) => describeValue(value, typeOf(type));

function Pair({ expected, actual, type }: { expected: unknown; actual: unknown; type: string }) {
  const diff = diffShown(expected, actual, { mode: "exact" }, typeOf(type));
  return (
    <dl className="grid max-w-xl grid-cols-[6.5rem_1fr] gap-x-3 gap-y-2 text-[13px]">
      <dt className="text-ink-muted">Expected</dt>
      <dd>
        <TypedValue shown={diff.expected} tone="expected" />
      </dd>
      <dt className="text-ink-muted">Output</dt>
      <dd>
        <TypedValue shown={diff.actual} tone="actual" />
      </dd>
    </dl>
  );
}

export const ListDiff: Story = () => (
  <Pair expected={[1, 2, 3, 4]} actual={[1, 3, 3]} type="ListNode" />
);

export const TreeDiff: Story = () => (
  <Pair expected={[4, 2, 7, 1, 3, 6, 9]} actual={[4, 2, 7, 1, null, 6, 8]} type="TreeNode" />
);

export const MapDiff: Story = () => (
  <Pair expected={{ a: 1, b: 2, c: 3 }} actual={{ a: 1, b: 5, d: 4 }} type="map<string, int>" />
);

export const DesignCalls: Story = () => (
  <CallTable
    label="Calls"
    expectedLabel="Expected"
    actualLabel="Output"
    rows={[
      {
        number: 1,
        call: "LRUCache(2)",
        expected: shown(null, "void"),
        actual: shown(null, "void"),
      },
      { number: 2, call: "put(1, 1)", expected: shown(null, "void"), actual: shown(null, "void") },
      {
        number: 3,
        call: "get(1)",
        ...(() => {
          const d = diffShown(1, -1, { mode: "exact" }, typeOf("int"));
          return { expected: d.expected, actual: d.actual };
        })(),
        differs: true,
      },
      { number: 4, call: "get(2)", expected: shown(-1, "int"), actual: shown(-1, "int") },
    ]}
  />
);
