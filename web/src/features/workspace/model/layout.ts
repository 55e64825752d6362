import { readJson, writeJson } from "../../../lib/storage";

/** Pane sizes in percent: the problem pane's width and the editor's share of the right column. */
export interface PaneSizes {
  left: number;
  editor: number;
}

const KEY = "improview.layout";
export const DEFAULT_SIZES: PaneSizes = { left: 42, editor: 62 };
export const LIMITS = { left: { min: 20, max: 70 }, editor: { min: 20, max: 85 } } as const;

const within = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === "number" && value >= min && value <= max ? value : fallback;

export function loadSizes(): PaneSizes {
  const saved = readJson(KEY) as Partial<PaneSizes> | null;
  return {
    left: within(saved?.left, LIMITS.left.min, LIMITS.left.max, DEFAULT_SIZES.left),
    editor: within(saved?.editor, LIMITS.editor.min, LIMITS.editor.max, DEFAULT_SIZES.editor),
  };
}

export function saveSizes(sizes: PaneSizes) {
  writeJson(KEY, sizes);
}
