import { z } from "zod/mini";
import { getJson } from "../../../lib/api-client";
import type { Category, Difficulty } from "../../../lib/closed-sets";

const summariesSchema = z.array(z.object({ id: z.string(), title: z.string() }));

/**
 * Another problem of the same category and difficulty, chosen at random, or null when the bank has
 * no other. `random` is injectable so tests can pin the choice.
 */
export async function findSimilarProblem(
  current: { problemId: string; category: Category; difficulty: Difficulty },
  random: () => number = Math.random,
): Promise<{ id: string; title: string } | null> {
  const query = new URLSearchParams({
    category: current.category,
    difficulty: current.difficulty,
  });
  const problems = await getJson(`/api/problems?${query}`, summariesSchema);
  const others = problems.filter((p) => p.id !== current.problemId);
  if (others.length === 0) return null;
  return others[Math.min(others.length - 1, Math.floor(random() * others.length))]!;
}
