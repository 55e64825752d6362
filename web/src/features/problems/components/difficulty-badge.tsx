import { Badge } from "../../../components/ui/badge";
import type { Difficulty } from "../../../lib/closed-sets";

const labels: Record<Difficulty, string> = { easy: "Easy", medium: "Medium", hard: "Hard" };

export function DifficultyBadge({ difficulty }: { difficulty: Difficulty }) {
  return <Badge tone={difficulty}>{labels[difficulty]}</Badge>;
}
