import type { Language } from "../../../lib/closed-sets";

export const LANGUAGE_LABELS: Record<Language, string> = {
  javascript: "JavaScript",
  python: "Python",
  java: "Java",
};

export interface Signature {
  function: string;
  params: { name: string; type: string }[];
  returns: string;
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

const javaType = (type: string) => type.replace(/^string/, "String");

/**
 * Starter code derived from the signature, used only when the server sends none: the same
 * conventions as the bank (top-level JS function, snake_case Python, Java `class Solution`).
 */
export function starterFromSignature(signature: Signature, language: Language): string {
  const names = signature.params.map((p) => p.name);
  switch (language) {
    case "javascript":
      return `function ${signature.function}(${names.join(", ")}) {\n  \n}\n`;
    case "python":
      return `def ${snake(signature.function)}(${names.map(snake).join(", ")}):\n    pass\n`;
    case "java": {
      const params = signature.params.map((p) => `${javaType(p.type)} ${p.name}`).join(", ");
      return `import java.util.*;\n\nclass Solution {\n  public ${javaType(signature.returns)} ${signature.function}(${params}) {\n    \n  }\n}\n`;
    }
  }
}
