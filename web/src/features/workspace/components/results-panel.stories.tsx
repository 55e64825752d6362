import type { Story } from "@ladle/react";
import { lruCacheSignature, signatureOf } from "../../../lib/value-type-fixtures";
import type { TestResult } from "../api/run";
import { ResultsPanel, type RunOutcome } from "./results-panel";

export default { title: "Workspace / Results" };

const outcome = (tests: Omit<TestResult, "index" | "kind">[]): RunOutcome => ({
  custom: false,
  report: {
    verdict: "WRONG_ANSWER",
    diagnostics: [],
    wallMillis: 140,
    tests: tests.map((test, index) => ({ ...test, index, kind: "public" })),
  },
});

const common = { pending: false, pendingCount: 0, error: null, shortcut: "Ctrl Enter" };

export const TreeAnswer: Story = () => (
  <div className="max-w-2xl rounded-lg border border-line bg-surface">
    <ResultsPanel
      {...common}
      comparison={{ mode: "exact" }}
      signature={signatureOf({
        function: "invertTree",
        params: [{ name: "root", type: "TreeNode" }],
        returns: "TreeNode",
      })}
      outcome={outcome([
        {
          verdict: "WRONG_ANSWER",
          args: [[4, 2, 7, 1, 3, 6, 9]],
          expected: [4, 7, 2, 9, 6, 3, 1],
          actual: [4, 7, 2, 9, 6, null, 1],
          timeMillis: 4,
          cpuMillis: 1.2,
        },
      ])}
    />
  </div>
);

export const DesignAnswer: Story = () => (
  <div className="max-w-2xl rounded-lg border border-line bg-surface">
    <ResultsPanel
      {...common}
      comparison={{ mode: "exact" }}
      signature={lruCacheSignature()}
      outcome={outcome([
        {
          verdict: "WRONG_ANSWER",
          args: [
            ["LRUCache", "put", "put", "get", "put", "get", "get"],
            [[2], [1, 1], [2, 2], [1], [3, 3], [2], [3]],
          ],
          expected: [null, null, null, 1, null, -1, 3],
          actual: [null, null, null, 1, null, 2, 3],
          stdout: "evicting 1\n",
          timeMillis: 6,
        },
      ])}
    />
  </div>
);
