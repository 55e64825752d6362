/// <reference types="node" />
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  AUTH_MODES,
  CATEGORIES,
  CHECK_STATUSES,
  COMPARISON_MODES,
  DIFFICULTIES,
  GENERATION_SOURCES,
  GENERATION_STATES,
  GENERATION_STEPS,
  LANGUAGES,
  LLM_PROVIDERS,
  ROLES,
  SUCCESS_VERDICTS,
  VALIDATION_STATUSES,
  VERDICTS,
  categorySchema,
  checkStatusSchema,
  generationStepSchema,
  authModeSchema,
  isLanguage,
  roleSchema,
  verdictSchema,
} from "./closed-sets";

// The Java enums are the source of truth; these tests read their source, so a constant added,
// dropped or reordered on either side fails here before it reaches a user.
const javaRoot = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../../src/main/java/dev/improview",
);
const java = (path: string) => readFileSync(join(javaRoot, path), "utf8");
const verdictJava = java("execution/Verdict.java");
const languageJava = java("execution/Language.java");
const categoryJava = java("problem/Category.java");
const difficultyJava = java("problem/Difficulty.java");
const publicValidationJava = java("problem/PublicValidation.java");
const comparisonJava = java("execution/Comparison.java");
const generationEnums = {
  GenerationState: java("generation/GenerationState.java"),
  GenerationStep: java("generation/GenerationStep.java"),
  GenerationSource: java("generation/GenerationSource.java"),
  LlmProvider: java("generation/LlmProvider.java"),
};
const identityEnums = {
  AuthMode: java("identity/AuthMode.java"),
  Role: java("identity/Role.java"),
};

interface Constant {
  name: string;
  /** The constructor's first argument when it is a string literal (the wire id). */
  id: string | undefined;
}

/** The constants of `enum <name>`, in order, from Java source (comments stripped first). */
function enumConstants(source: string, name: string): Constant[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const start = code.search(new RegExp(`\\benum\\s+${name}\\s*\\{`));
  if (start < 0) throw new Error(`no enum ${name} in the source`);
  const body = code.slice(code.indexOf("{", start) + 1);
  // The constant list ends at the first ';' or '}' outside parentheses.
  let depth = 0;
  let end = body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && (c === ";" || c === "}")) {
      end = i;
      break;
    }
  }
  const constants: Constant[] = [];
  const pattern = /([A-Z][A-Z0-9_]*)\s*(?:\(\s*"([^"]*)")?/g;
  let depthAt = 0;
  let last = 0;
  for (const match of body.slice(0, end).matchAll(pattern)) {
    // Skip identifiers inside a constructor's arguments.
    for (const c of body.slice(last, match.index)) depthAt += c === "(" ? 1 : c === ")" ? -1 : 0;
    last = match.index;
    if (depthAt === 0) constants.push({ name: match[1]!, id: match[2] });
  }
  if (constants.length === 0) throw new Error(`enum ${name} has no constants`);
  return constants;
}

describe("the web's closed sets match the server's enums", () => {
  it("verdicts: Verdict.java's constants, in order", () => {
    expect(VERDICTS).toEqual(enumConstants(verdictJava, "Verdict").map((c) => c.name));
  });

  it("success verdicts: the ones Verdict.isSuccess() names", () => {
    const body = /boolean\s+isSuccess\s*\(\)\s*\{([^}]*)\}/.exec(verdictJava)?.[1];
    expect(body, "Verdict.isSuccess() not found").toBeDefined();
    const named = [...body!.matchAll(/this\s*==\s*([A-Z_]+)/g)].map((m) => m[1]);
    expect(SUCCESS_VERDICTS).toEqual(named);
  });

  it("languages: Language.java's ids, in order", () => {
    const constants = enumConstants(languageJava, "Language");
    expect(constants.every((c) => c.id !== undefined)).toBe(true);
    expect(LANGUAGES).toEqual(constants.map((c) => c.id));
  });

  it("categories: Category.java's ids, in order", () => {
    const constants = enumConstants(categoryJava, "Category");
    expect(constants.every((c) => c.id !== undefined)).toBe(true);
    expect(CATEGORIES).toEqual(constants.map((c) => c.id));
  });

  it("difficulties: Difficulty.java's constants, whose id is the lower-case name", () => {
    // Guards the id rule too: if id() stops being the lower-case name, this must be revisited.
    expect(difficultyJava).toMatch(
      /String id\(\)\s*\{\s*return name\(\)\.toLowerCase\(Locale\.ROOT\);/,
    );
    const constants = enumConstants(difficultyJava, "Difficulty");
    expect(DIFFICULTIES).toEqual(constants.map((c) => c.name.toLowerCase()));
  });

  it("validation and check statuses: PublicValidation.java's, whose ids are lower-case names", () => {
    for (const name of ["Status", "CheckStatus"]) {
      const body = new RegExp(`enum ${name} \\{[^}]*\\}`).exec(publicValidationJava)?.[0];
      expect(body, `PublicValidation.${name}`).toMatch(
        /@JsonValue\s+public String id\(\)\s*\{\s*return name\(\)\.toLowerCase\(Locale\.ROOT\);/,
      );
    }
    const ids = (name: string) =>
      enumConstants(publicValidationJava, name).map((c) => c.name.toLowerCase());
    expect(VALIDATION_STATUSES).toEqual(ids("Status"));
    expect(CHECK_STATUSES).toEqual(ids("CheckStatus"));
  });

  it("comparison modes: Comparison.java's Mode, whose ids are lower-case names", () => {
    expect(COMPARISON_MODES).toEqual(
      enumConstants(comparisonJava, "Mode").map((c) => c.name.toLowerCase()),
    );
  });

  it.each([
    ["GenerationState", GENERATION_STATES],
    ["GenerationStep", GENERATION_STEPS],
    ["GenerationSource", GENERATION_SOURCES],
    ["LlmProvider", LLM_PROVIDERS],
  ] as const)("generation: %s.java's ids, in order", (name, web) => {
    const constants = enumConstants(generationEnums[name], name);
    expect(constants.every((c) => c.id !== undefined)).toBe(true);
    expect(web).toEqual(constants.map((c) => c.id));
  });

  it.each([
    ["AuthMode", AUTH_MODES],
    ["Role", ROLES],
  ] as const)("identity: %s.java's ids, in order", (name, web) => {
    const constants = enumConstants(identityEnums[name], name);
    expect(constants.every((c) => c.id !== undefined)).toBe(true);
    expect(web).toEqual(constants.map((c) => c.id));
  });

  it("the parser sees a constant added to a Java enum", () => {
    const grown = verdictJava.replace("NOT_RUN;", "NOT_RUN,\n  /** New. */\n  SANDBOX_LOST;");
    expect(enumConstants(grown, "Verdict").map((c) => c.name)).toEqual([
      ...VERDICTS,
      "SANDBOX_LOST",
    ]);
    const category = categoryJava.replace(
      '("bit-manipulation", "Bit manipulation");',
      '("bit-manipulation", "Bit manipulation"),\n  MATH("math", "Math (A, B)");',
    );
    expect(enumConstants(category, "Category").map((c) => c.id)).toEqual([...CATEGORIES, "math"]);
    const step = generationEnums.GenerationStep.replace(
      'QUEUED("queued"),',
      'QUEUED("queued"),\n  DRAFTING("drafting"),',
    );
    expect(enumConstants(step, "GenerationStep").map((c) => c.id)).toEqual([
      "queued",
      "drafting",
      ...GENERATION_STEPS.slice(1),
    ]);
  });

  it("rejects a value the server never sends, loudly", () => {
    expect(verdictSchema.safeParse("SANDBOX_LOST").success).toBe(false);
    expect(categorySchema.safeParse("math").success).toBe(false);
    expect(checkStatusSchema.safeParse("PASSED").success).toBe(false);
    expect(generationStepSchema.safeParse("SEARCHING_BANK").success).toBe(false);
    expect(authModeSchema.safeParse("LOCAL").success).toBe(false);
    expect(roleSchema.safeParse("ROLE_ADMIN").success).toBe(false);
    expect(isLanguage("python")).toBe(true);
    expect(isLanguage("ruby")).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
