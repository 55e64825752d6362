import { LANGUAGES, type CheckStatus, type Language } from "../../../lib/closed-sets";
import { formatLimit } from "../../../lib/duration";
import type { BadgeTone } from "../../../components/ui/badge";
import type { Validation } from "../api/validation";

const SHORT_LANGUAGE: Record<Language, string> = {
  javascript: "JS",
  python: "Python",
  java: "Java",
};

// Keyed by every check status (lib/closed-sets.ts): a status added there needs a label here.
const CHECK_PRESENTATION: Record<CheckStatus, { label: string; tone: BadgeTone }> = {
  passed: { label: "Passed", tone: "accepted" },
  failed: { label: "Failed", tone: "wrong" },
  skipped: { label: "Skipped", tone: "neutral" },
};

export const checkPresentation = (status: CheckStatus) => CHECK_PRESENTATION[status];

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * What a passed validation proved, in one line: "3 reference solutions × 18 tests · brute force
 * agrees on 200 random inputs · 6/6 wrong solutions caught · mutation score 100% · limits JS 1 s,
 * Python 2 s, Java 1 s". A figure of a step that did not run is left out, except the stress step,
 * whose absence is said.
 */
export function provenSummary({ stressChecked, figures }: Validation): string {
  const parts = [
    `${counted(LANGUAGES.length, "reference solution")} × ${counted(figures.referenceTests, "test")}`,
    stressChecked
      ? `brute force agrees on ${counted(figures.stressInputs, "random input")}`
      : "tests not stress-checked",
  ];
  if (figures.wrongSolutionsTotal > 0) {
    parts.push(
      `${figures.wrongSolutionsCaught}/${figures.wrongSolutionsTotal} wrong solutions caught`,
    );
  }
  if (figures.mutantsDistinguishable > 0) {
    // Rounded down, so a mutant that survived never reads as 100%.
    const score = Math.floor((100 * figures.mutantsKilled) / figures.mutantsDistinguishable);
    parts.push(`mutation score ${score}%`);
  }
  if (figures.testsAdded > 0) parts.push(`${counted(figures.testsAdded, "test")} added`);
  const limits = LANGUAGES.map(
    (language) => `${SHORT_LANGUAGE[language]} ${formatLimit(figures.timeLimitsMillis[language])}`,
  );
  parts.push(`limits ${limits.join(", ")}`);
  return parts.join(" · ");
}
