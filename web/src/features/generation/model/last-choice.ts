import {
  categorySchema,
  difficultySchema,
  type Category,
  type Difficulty,
} from "../../../lib/closed-sets";
import { readJson, writeJson } from "../../../lib/storage";

// The category and difficulty last generated, so the panel offers them again (v1: the format).
const KEY = "improview.generator.v1";

export interface Choice {
  category: Category;
  difficulty: Difficulty;
}

export function loadLastChoice(): Choice | null {
  const saved = readJson(KEY) as Partial<Choice> | null;
  const category = categorySchema.safeParse(saved?.category);
  const difficulty = difficultySchema.safeParse(saved?.difficulty);
  return category.success && difficulty.success
    ? { category: category.data, difficulty: difficulty.data }
    : null;
}

export function saveLastChoice(choice: Choice) {
  writeJson(KEY, { category: choice.category, difficulty: choice.difficulty });
}
