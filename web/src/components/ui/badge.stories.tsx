import type { Story } from "@ladle/react";
import { Badge } from "./badge";
import { VERDICTS } from "../../lib/closed-sets";
import { VerdictBadge } from "./verdict-badge";

export default { title: "UI / Badge" };

export const Difficulty: Story = () => (
  <div className="flex gap-2">
    <Badge tone="easy">Easy</Badge>
    <Badge tone="medium">Medium</Badge>
    <Badge tone="hard">Hard</Badge>
    <Badge>Arrays &amp; hashing</Badge>
  </div>
);

export const Verdicts: Story = () => (
  <div className="flex flex-wrap gap-2">
    {VERDICTS.map((verdict) => (
      <VerdictBadge key={verdict} verdict={verdict} />
    ))}
  </div>
);
