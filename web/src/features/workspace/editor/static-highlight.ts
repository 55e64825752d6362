import type { Language } from "../../../lib/closed-sets";

// A few hundred bytes of tokenizer so the code is coloured before CodeMirror (and its parsers)
// arrive: the same colours as the editor's theme (editor-theme.ts) for the common cases, so the
// swap to the real editor changes little. Not a parser: it only needs to be close, and linear.

export type TokenKind =
  "keyword" | "string" | "number" | "comment" | "function" | "type" | "property" | "punctuation";

export interface Token {
  text: string;
  kind: TokenKind | null;
}

const words = (list: string) => new Set(list.split(" "));

const KEYWORDS: Record<Language, Set<string>> = {
  javascript: words(
    "async await break case catch class const continue default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while yield",
  ),
  python: words(
    "and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield",
  ),
  java: words(
    "abstract break case catch class continue default do else enum extends final finally for if implements import instanceof interface new package private protected public return static super switch this throw throws try var void while boolean byte char double float int long short",
  ),
};

const ATOMS: Record<Language, Set<string>> = {
  javascript: words("true false null undefined NaN Infinity"),
  python: words("True False None"),
  java: words("true false null"),
};

// One alternative per token class, tried in order at each position; each is linear in its match.
const COMMENT: Record<Language, string> = {
  javascript: String.raw`\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)`,
  java: String.raw`\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)`,
  python: String.raw`#[^\n]*`,
};
const STRING: Record<Language, string> = {
  javascript: String.raw`"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|\`(?:[^\`\\]|\\[\s\S])*\`?`,
  java: String.raw`"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?`,
  python: String.raw`"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?`,
};
const NUMBER = String.raw`\b(?:0[xXbBoO][\da-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)[lLfFdDn]?\b`;
const IDENTIFIER = String.raw`[A-Za-z_$][\w$]*`;
const PUNCTUATION = String.raw`[^\sA-Za-z_$\d"'\`#]`;

const patterns = new Map<Language, RegExp>();
function pattern(language: Language): RegExp {
  let found = patterns.get(language);
  if (!found) {
    found = new RegExp(
      `(${COMMENT[language]})|(${STRING[language]})|(${NUMBER})|(${IDENTIFIER})|(${PUNCTUATION})`,
      "g",
    );
    patterns.set(language, found);
  }
  return found;
}

/** The code as tokens whose texts, joined, are exactly the code. */
export function highlightTokens(code: string, language: Language): Token[] {
  const tokens: Token[] = [];
  const re = pattern(language);
  re.lastIndex = 0;
  let at = 0;
  for (let match = re.exec(code); match; match = re.exec(code)) {
    if (match.index > at) tokens.push({ text: code.slice(at, match.index), kind: null });
    const text = match[0];
    let kind: TokenKind | null;
    if (match[1]) kind = "comment";
    else if (match[2]) kind = "string";
    else if (match[3]) kind = "number";
    else if (match[4]) kind = identifierKind(code, match.index, text, language);
    else kind = "punctuation";
    tokens.push({ text, kind });
    at = match.index + text.length;
  }
  if (at < code.length) tokens.push({ text: code.slice(at), kind: null });
  return tokens;
}

function identifierKind(code: string, from: number, word: string, language: Language) {
  if (KEYWORDS[language].has(word)) return "keyword";
  if (ATOMS[language].has(word)) return "number";
  if (language === "java" && /^[A-Z]/.test(word)) return "type";
  // As CodeMirror shows it: `new Set()` names a class, it is not a call of a function.
  if (/\bnew\s+$/.test(code.slice(Math.max(0, from - 12), from))) return "type";
  if (nextNonSpace(code, from + word.length) === "(") return "function";
  if (previousNonSpace(code, from) === ".") return "property";
  return null;
}

function nextNonSpace(code: string, from: number): string | undefined {
  let i = from;
  while (code[i] === " " || code[i] === "\t") i++;
  return code[i];
}

function previousNonSpace(code: string, before: number): string | undefined {
  let i = before - 1;
  while (code[i] === " " || code[i] === "\t") i--;
  return code[i];
}

/** The editor theme's colour for each kind (editor-theme.ts uses the same variables). */
export const TOKEN_STYLES: Record<TokenKind, { color: string; fontStyle?: string }> = {
  keyword: { color: "var(--iv-code-keyword)" },
  string: { color: "var(--iv-code-string)" },
  number: { color: "var(--iv-code-number)" },
  comment: { color: "var(--iv-code-comment)", fontStyle: "italic" },
  function: { color: "var(--iv-code-function)" },
  type: { color: "var(--iv-code-type)" },
  property: { color: "var(--iv-code-property)" },
  punctuation: { color: "var(--iv-code-punctuation)" },
};
