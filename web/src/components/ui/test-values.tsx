import { readCalls } from "../../lib/design-calls";
import { describeValue } from "../../lib/value-model";
import { argumentNames, type Signature } from "../../lib/value-type";
import { CallTable } from "./call-table";
import { ArgumentList, TypedValue } from "./typed-value";

interface TestValuesProps {
  signature: Signature;
  args: unknown[];
  expected: unknown;
  /** What the expected value is called: "Expected" in a test, "Output" in an example. */
  expectedLabel?: string;
  /** The call table's accessible name, for a design test. */
  label: string;
  /** Small sans-serif labels, for a list of tests rather than a statement's example. */
  compact?: boolean;
}

/**
 * A test's input and expected value as their types: `name = value` then the value, or for a
 * design problem a table of its calls with each call's expected return.
 */
export function TestValues({
  signature,
  args,
  expected,
  expectedLabel = "Expected",
  label,
  compact = false,
}: TestValuesProps) {
  if (signature.kind === "class") {
    const calls = readCalls(args, signature);
    if (calls.ok) {
      const returns = Array.isArray(expected) ? expected : [];
      return (
        <CallTable
          label={label}
          expectedLabel={expectedLabel}
          rows={calls.value.map((call, i) => ({
            number: call.number,
            call: call.text,
            expected: i < returns.length ? describeValue(returns[i], call.method?.returns) : null,
          }))}
        />
      );
    }
  }
  const types = signature.kind === "function" ? signature.params.map((p) => p.type) : [];
  const returns = signature.kind === "function" ? signature.returns : undefined;
  const term = compact ? "font-sans text-xs leading-5 text-ink-muted" : "text-ink-muted";
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
      <dt className={term}>Input</dt>
      <dd className="min-w-0 break-all">
        <ArgumentList
          names={argumentNames(signature)}
          values={args.map((arg, i) => describeValue(arg, types[i]))}
        />
      </dd>
      <dt className={term}>{expectedLabel}</dt>
      <dd className="min-w-0 break-all">
        <TypedValue shown={describeValue(expected, returns)} />
      </dd>
    </dl>
  );
}
