import { Badge } from "../../../components/ui/badge";
import { Markdown } from "../../../components/ui/markdown";
import type { Problem } from "../api/problem";
import { DifficultyBadge } from "./difficulty-badge";
import { TestValues } from "../../../components/ui/test-values";

/** The statement: title, badges, markdown body, examples and constraints. */
export function ProblemStatement({
  problem,
  showHeader = true,
}: {
  problem: Problem;
  /** Off in the workspace, whose header already shows the title and badges. */
  showHeader?: boolean;
}) {
  return (
    <article
      aria-labelledby={showHeader ? "problem-title" : undefined}
      aria-label={showHeader ? undefined : "Description"}
      className="space-y-6"
    >
      {showHeader && (
        <header className="space-y-2">
          <h1 id="problem-title" className="text-2xl font-semibold tracking-tight">
            {problem.title}
          </h1>
          <div className="flex flex-wrap items-center gap-2">
            <DifficultyBadge difficulty={problem.difficulty} />
            <Badge>{problem.category}</Badge>
            {problem.tags.map((t) => (
              <Badge key={t}>{t}</Badge>
            ))}
            <span className="text-xs text-ink-muted">about {problem.estimatedMinutes} min</span>
          </div>
        </header>
      )}
      <section aria-label="Statement">
        <Markdown>{problem.statement}</Markdown>
      </section>
      {problem.examples.length > 0 && (
        <section aria-labelledby="examples-heading" className="space-y-3">
          <h2 id="examples-heading" className="text-lg font-semibold">
            Examples
          </h2>
          {problem.examples.map((example, i) => (
            <figure key={i} className="rounded-lg border border-line bg-surface p-4">
              <figcaption className="mb-2 text-sm font-medium">Example {i + 1}</figcaption>
              <div className="font-mono text-sm">
                <TestValues
                  signature={problem.signature}
                  args={example.args}
                  expected={example.output}
                  expectedLabel="Output"
                  label={`Calls of example ${i + 1}`}
                />
              </div>
              {example.explanation && (
                <div className="mt-2 text-sm text-ink-muted">
                  <Markdown>{example.explanation}</Markdown>
                </div>
              )}
            </figure>
          ))}
        </section>
      )}
      {problem.constraints.length > 0 && (
        <section aria-labelledby="constraints-heading">
          <h2 id="constraints-heading" className="text-lg font-semibold">
            Constraints
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
            {problem.constraints.map((c, i) => (
              <li key={i}>
                <Markdown>{c}</Markdown>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
