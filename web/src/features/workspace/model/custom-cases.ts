import { readJson, writeJson } from "../../../lib/storage";

/** A user-written test case: one JSON field per parameter, as typed. */
export interface CustomCase {
  id: string;
  fields: string[];
}

const key = (problemId: string) => `improview.cases.${problemId}`;

export function loadCases(problemId: string): CustomCase[] {
  const value = readJson(key(problemId));
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is CustomCase =>
      typeof c === "object" &&
      c !== null &&
      typeof c.id === "string" &&
      Array.isArray(c.fields) &&
      c.fields.every((f: unknown) => typeof f === "string"),
  );
}

export function saveCases(problemId: string, cases: CustomCase[]) {
  writeJson(key(problemId), cases);
}
