import { describeValue, inlineText } from "./value-model";
import type { Method, Parsed, Signature } from "./value-type";

// A design problem's test is a call sequence: `[ops, args]`, where `ops[i]` names the i-th call
// (the first is the class name: the constructor) and `args[i]` holds its arguments; expected and
// actual values hold one return per call (null for the constructor and void methods).

/** One call of a design test, as the views list it. */
export interface Call {
  /** 1-based, as "call 4" says it. */
  number: number;
  name: string;
  /** The method called; null for a name the class does not have. */
  method: Method | null;
  args: unknown[];
  /** The call as code: `put(1, 1)`, `LRUCache(2)`. */
  text: string;
}

type ClassSignature = Signature & { kind: "class" };

/** Reads a design test's arguments into calls; an error when they are not a call sequence. */
export function readCalls(testArgs: unknown[], signature: ClassSignature): Parsed<Call[]> {
  const [ops, args] = testArgs;
  if (
    testArgs.length !== 2 ||
    !Array.isArray(ops) ||
    !Array.isArray(args) ||
    ops.length !== args.length ||
    !ops.every((op) => typeof op === "string") ||
    !args.every((a) => Array.isArray(a))
  ) {
    return { ok: false, error: "the input is not a call sequence ([ops, args] of equal length)" };
  }
  const calls = ops.map((name: string, i): Call => {
    const method =
      i === 0
        ? name === signature.className
          ? signature.constructor
          : null
        : (signature.methods.find((m) => m.name === name) ?? null);
    const callArgs = args[i] as unknown[];
    const text = callArgs
      .map((arg, j) => inlineText(describeValue(arg, method?.params[j]?.type)))
      .join(", ");
    return { number: i + 1, name, method, args: callArgs, text: `${name}(${text})` };
  });
  return { ok: true, value: calls };
}
