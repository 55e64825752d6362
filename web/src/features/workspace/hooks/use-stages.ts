import { startTransition, useEffect, useState } from "react";

/**
 * Counts from 0 up to `last`, one transition per step, so a page can paint its parts in order:
 * React splits transitions into short tasks, and a slow phone never sees one long block.
 */
export function useStages(last: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage < last) startTransition(() => setStage(stage + 1));
  }, [stage, last]);
  return stage;
}
