import { useQuery } from "@tanstack/react-query";
import { Badge, type BadgeTone } from "../../../components/ui/badge";
import type { ValidationStatus } from "../../../lib/closed-sets";
import { validationQuery, type Validation } from "../api/validation";
import { checkPresentation, provenSummary } from "../model/proven-summary";

const STATUS_PRESENTATION: Record<ValidationStatus, { label: string; tone: BadgeTone }> = {
  passed: { label: "Passed", tone: "accepted" },
  failed: { label: "Failed", tone: "wrong" },
  pending: { label: "Pending", tone: "neutral" },
};

/**
 * How this problem's tests were proven in the sandbox before it was offered: the figures in one
 * line, and each check with its outcome behind a disclosure. Polls while validation is pending.
 */
export function ProvenPanel({ problemId }: { problemId: string }) {
  const validation = useQuery(validationQuery(problemId));
  const status = validation.data ? STATUS_PRESENTATION[validation.data.status] : undefined;
  return (
    <section
      aria-labelledby="proven-heading"
      className="space-y-2 rounded-lg border border-line bg-surface p-4 text-sm"
    >
      <h2 id="proven-heading" className="flex items-center gap-2 text-lg font-semibold">
        Proven
        {status && <Badge tone={status.tone}>{status.label}</Badge>}
      </h2>
      <div aria-live="polite" className="space-y-2">
        {validation.isPending && (
          <p className="text-ink-muted">Loading how the tests were proven…</p>
        )}
        {validation.isError && (
          <p className="text-ink-muted">
            Could not load how the tests were proven: {validation.error.message}
          </p>
        )}
        {validation.data && <ValidationBody validation={validation.data} />}
      </div>
    </section>
  );
}

function ValidationBody({ validation }: { validation: Validation }) {
  if (validation.status === "pending") {
    return (
      <p className="text-ink-muted">
        Validation pending: the reference solutions are still being run on these tests in the
        sandbox.
      </p>
    );
  }
  const failed = validation.checks.find((check) => check.status === "failed");
  return (
    <>
      {validation.status === "failed" ? (
        <p>Validation failed{failed ? `: ${failed.detail}` : ""}. These tests are not proven.</p>
      ) : (
        <p data-testid="proven-summary">{provenSummary(validation)}</p>
      )}
      {validation.checks.length > 0 && (
        <details>
          <summary className="cursor-pointer text-ink-muted">
            {validation.checks.length} {validation.checks.length === 1 ? "check" : "checks"}
          </summary>
          <ul aria-label="Validation checks" className="mt-2 space-y-2">
            {validation.checks.map((check) => {
              const { label, tone } = checkPresentation(check.status);
              return (
                <li key={check.name} className="flex items-start gap-2">
                  <span className="w-16 shrink-0">
                    <Badge tone={tone}>{label}</Badge>
                  </span>
                  <div className="min-w-0">
                    <div className="font-mono text-xs leading-5">{check.name}</div>
                    <div className="break-words text-ink-muted">{check.detail}</div>
                  </div>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </>
  );
}
