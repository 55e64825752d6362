import type { Story } from "@ladle/react";
import { describeValue } from "../../lib/value-model";
import { typeOf } from "../../lib/value-type-fixtures";
import { TypedValue } from "./typed-value";

export default { title: "UI / Typed values" };

const shown = (value: unknown, type: string) => describeValue(value, typeOf(type));

export const Values: Story = () => (
  <dl className="grid max-w-xl grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-[13px]">
    <dt className="text-ink-muted">ListNode</dt>
    <dd>
      <TypedValue shown={shown([1, 2, 3], "ListNode")} />
    </dd>
    <dt className="text-ink-muted">ListNode, cycle</dt>
    <dd>
      <TypedValue shown={shown({ values: [3, 2, 0, -4], tailLinksTo: 1 }, "ListNode")} />
    </dd>
    <dt className="text-ink-muted">ListNode, repeats</dt>
    <dd>
      <TypedValue shown={shown({ values: [1, 1, 1, 1], tailLinksTo: 2 }, "ListNode")} />
    </dd>
    <dt className="text-ink-muted">empty ListNode</dt>
    <dd>
      <TypedValue shown={shown([], "ListNode")} />
    </dd>
    <dt className="text-ink-muted">TreeNode</dt>
    <dd>
      <TypedValue shown={shown([5, 3, 8, 1, null, 7, 9, null, 2], "TreeNode")} />
    </dd>
    <dt className="text-ink-muted">map</dt>
    <dd>
      <TypedValue shown={shown({ banana: 3, apple: 1 }, "map<string, int>")} />
    </dd>
    <dt className="text-ink-muted">bigint</dt>
    <dd>
      <TypedValue shown={shown("-98765432109876543210", "bigint")} />
    </dd>
    <dt className="text-ink-muted">int?</dt>
    <dd>
      <TypedValue shown={shown(null, "int?")} />
    </dd>
    <dt className="text-ink-muted">ListNode[]</dt>
    <dd>
      <TypedValue shown={shown([[1, 4], [], [2]], "ListNode[]")} />
    </dd>
    <dt className="text-ink-muted">not its type</dt>
    <dd>
      <TypedValue shown={shown("oops", "TreeNode")} />
    </dd>
  </dl>
);

export const BigTree: Story = () => (
  <TypedValue
    shown={shown(
      Array.from({ length: 200 }, (_, i) => i),
      "TreeNode",
    )}
  />
);

export const LongCyclicList: Story = () => (
  <TypedValue
    shown={shown(
      { values: Array.from({ length: 150 }, (_, i) => i % 10), tailLinksTo: 120 },
      "ListNode",
    )}
  />
);
