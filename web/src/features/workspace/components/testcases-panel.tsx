import { FadeIn } from "../../../components/ui/fade-in";
import { Button } from "../../../components/ui/button";
import { TestValues } from "../../../components/ui/test-values";
import type { Signature } from "../../../lib/value-type";
import { caseFields } from "../model/arguments";
import type { CustomCase } from "../model/custom-cases";

/** The server runs at most this many custom cases at once. */
export const MAX_CASES = 10;

interface TestcasesPanelProps {
  signature: Signature;
  publicTests: { args: unknown[]; expected: unknown }[];
  cases: CustomCase[];
  /** Validation errors per case id, one entry per parameter. */
  errors: Record<string, (string | null)[]>;
  onAdd: () => void;
  onChange: (id: string, index: number, text: string) => void;
  onRemove: (id: string) => void;
  onRunCustom: () => void;
  running: boolean;
  /** Why the last run of these cases was refused, shown first so it is never below the fold. */
  refusal?: string | null;
}

/** The Testcases tab: the public cases, and the user's own arguments to try. */
export function TestcasesPanel({
  signature,
  publicTests,
  cases,
  errors,
  onAdd,
  onChange,
  onRemove,
  onRunCustom,
  running,
  refusal = null,
}: TestcasesPanelProps) {
  const fields = caseFields(signature);
  return (
    <div className="space-y-4 p-3 text-sm">
      {refusal && (
        <p role="alert" className="rounded-md border border-verdict-wrong/40 px-3 py-2 text-xs">
          {refusal}
        </p>
      )}
      <section aria-labelledby="public-cases-heading">
        <h3 id="public-cases-heading" className="text-xs font-semibold text-ink-muted">
          Public tests ({publicTests.length}) · run with Run
        </h3>
        <ol className="mt-2 space-y-1.5">
          {publicTests.map((test, i) => (
            <li
              key={i}
              data-testid="public-test"
              className="flex gap-2 rounded-md bg-surface-raised px-3 py-2 font-mono text-[13px] break-all"
            >
              <span className="font-sans text-xs text-ink-muted">{i + 1}</span>
              <div className="min-w-0 flex-1">
                <TestValues
                  signature={signature}
                  args={test.args}
                  expected={test.expected}
                  label={`Calls of public test ${i + 1}`}
                  compact
                />
              </div>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="custom-cases-heading">
        <div className="flex flex-wrap items-center gap-2">
          <h3 id="custom-cases-heading" className="text-xs font-semibold text-ink-muted">
            Your cases · checked against the reference solution
          </h3>
          <div className="ml-auto flex gap-1.5">
            <Button
              size="sm"
              variant="ghost"
              onClick={onAdd}
              disabled={cases.length >= MAX_CASES}
              title={cases.length >= MAX_CASES ? `At most ${MAX_CASES} cases per run` : undefined}
            >
              + Add case
            </Button>
            <Button size="sm" onClick={onRunCustom} disabled={cases.length === 0 || running}>
              Run your cases
            </Button>
          </div>
        </div>
        {cases.length === 0 && (
          <p className="mt-2 text-xs text-ink-muted">
            Add a case to run your code on arguments of your own; the reference answer appears
            beside yours.
          </p>
        )}
        <ol className="mt-2 space-y-2">
          {cases.map((c, caseIndex) => (
            <FadeIn as="li" key={c.id} distance={-4}>
              <fieldset className="rounded-md border border-line p-2.5">
                <legend className="px-1 text-xs text-ink-muted">Case {caseIndex + 1}</legend>
                <div className="space-y-2">
                  {fields.map((param, i) => {
                    const id = `case-${c.id}-${i}`;
                    const error = errors[c.id]?.[i] ?? null;
                    return (
                      <div key={param.name}>
                        <label htmlFor={id} className="mb-0.5 block text-xs">
                          <span className="font-mono">{param.name}</span>{" "}
                          <span className="text-ink-muted">({param.hint})</span>
                        </label>
                        <input
                          id={id}
                          value={c.fields[i] ?? ""}
                          onChange={(event) => onChange(c.id, i, event.target.value)}
                          placeholder={param.example}
                          spellCheck={false}
                          autoComplete="off"
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          className={`w-full rounded-md border bg-canvas px-2 py-1 font-mono text-[13px] placeholder:text-ink-muted ${
                            error ? "border-verdict-wrong" : "border-line"
                          }`}
                        />
                        {error && (
                          <p id={`${id}-error`} className="mt-0.5 text-xs text-verdict-wrong">
                            {error}
                          </p>
                        )}
                      </div>
                    );
                  })}
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  className="mt-1.5"
                  onClick={() => onRemove(c.id)}
                  aria-label={`Remove case ${caseIndex + 1}`}
                >
                  Remove
                </Button>
              </fieldset>
            </FadeIn>
          ))}
        </ol>
      </section>
    </div>
  );
}
