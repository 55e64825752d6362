import type { Verdict } from "../../lib/closed-sets";
import { Badge } from "./badge";
import { verdictPresentation } from "./verdict";

/** A verdict in the one palette used everywhere (accepted green, wrong red, limits amber, ...). */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { label, tone } = verdictPresentation(verdict);
  return <Badge tone={tone}>{label}</Badge>;
}
