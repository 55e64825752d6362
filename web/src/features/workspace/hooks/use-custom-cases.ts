import { useState } from "react";
import type { Signature } from "../../../lib/value-type";
import { caseFields, parseCase, toFields } from "../model/arguments";
import { loadCases, saveCases, type CustomCase } from "../model/custom-cases";

/** Validation errors per case id, one entry per parameter (null where the field is fine). */
export type CaseErrors = Record<string, (string | null)[]>;

let caseCounter = 0;
const newCaseId = () => `${Date.now().toString(36)}-${(caseCounter++).toString(36)}`;

/** The user's own test cases for one problem, saved in this browser as they are edited. */
export function useCustomCases(
  problemId: string,
  signature: Signature,
  publicTests: { args: unknown[] }[],
) {
  const [cases, setCases] = useState<CustomCase[]>(() => loadCases(problemId));
  const [errors, setErrors] = useState<CaseErrors>({});

  const update = (next: CustomCase[]) => {
    setCases(next);
    saveCases(problemId, next);
  };

  // A new case starts from the first public test's arguments, which shows the expected shape.
  const add = () =>
    update([
      ...cases,
      {
        id: newCaseId(),
        fields: publicTests[0]
          ? toFields(publicTests[0].args)
          : caseFields(signature).map(() => ""),
      },
    ]);

  const change = (id: string, index: number, text: string) =>
    update(
      cases.map((c) =>
        c.id === id ? { ...c, fields: c.fields.map((f, i) => (i === index ? text : f)) } : c,
      ),
    );

  const remove = (id: string) => update(cases.filter((c) => c.id !== id));

  /**
   * Every case's arguments, or null when some field is invalid: then the errors are shown and the
   * first invalid field receives focus.
   */
  const parseAll = (): unknown[][] | null => {
    const parsed = cases.map((c) => ({ id: c.id, result: parseCase(c.fields, signature) }));
    const found: CaseErrors = {};
    for (const { id, result } of parsed) if (!result.ok) found[id] = result.errors;
    setErrors(found);
    const firstBad = parsed.find((p) => !p.result.ok);
    if (firstBad) {
      const field = (found[firstBad.id] ?? []).findIndex((e) => e !== null);
      window.setTimeout(() => document.getElementById(`case-${firstBad.id}-${field}`)?.focus());
      return null;
    }
    return parsed.map((p) => (p.result as { args: unknown[] }).args);
  };

  return { cases, errors, add, change, remove, parseAll };
}
