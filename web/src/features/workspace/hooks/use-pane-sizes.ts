import { useState } from "react";
import { loadSizes, saveSizes, type PaneSizes } from "../model/layout";

/** The panes' sizes, restored from and saved to this browser. */
export function usePaneSizes() {
  const [sizes, setSizes] = useState<PaneSizes>(loadSizes);
  const resize = (patch: Partial<PaneSizes>) => {
    setSizes((old) => {
      const next = { ...old, ...patch };
      saveSizes(next);
      return next;
    });
  };
  return [sizes, resize] as const;
}
