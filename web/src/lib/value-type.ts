// The type names of a problem's signature, parsed once into a union that every view, the diff and
// the argument editor switch on. A name this page does not know is an error, never a guess: a
// value shown as the wrong type would mislead more than one not shown at all.

/** A parameter or return type of a signature. */
export type ValueType =
  | { kind: "int" }
  | { kind: "long" }
  | { kind: "double" }
  | { kind: "boolean" }
  | { kind: "string" }
  /** Digits, sent as a JSON string (or an integer token) so none are lost. */
  | { kind: "bigint" }
  /**
   * `ListNode`: a singly linked list of int, as a JSON array; one whose last node links back into
   * it (an argument only) as `{"values": [...], "tailLinksTo": i}`.
   */
  | { kind: "list" }
  /** `TreeNode`: a binary tree of int, as a level-order array with null for missing children. */
  | { kind: "tree" }
  | { kind: "array"; element: ValueType }
  /** `T?`: the value or JSON null. */
  | { kind: "nullable"; inner: ValueType }
  /** `map<string, T>`: a JSON object, compared without regard to key order. */
  | { kind: "map"; value: ValueType }
  /** A design method's or constructor's return: JSON null. */
  | { kind: "void" };

/** Most digits of a bigint (the server's bound, under Python's limit on int/str conversions). */
export const MAX_BIGINT_DIGITS = 4000;

/** A bigint's digits as a JSON string carries them: an optional leading -, then digits only. */
export const isBigintDigits = (text: string) => /^-?\d+$/.test(text);

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const NAMED: Record<string, ValueType> = {
  int: { kind: "int" },
  long: { kind: "long" },
  double: { kind: "double" },
  boolean: { kind: "boolean" },
  string: { kind: "string" },
  bigint: { kind: "bigint" },
  ListNode: { kind: "list" },
  TreeNode: { kind: "tree" },
};

const VALID =
  "int, long, double, boolean, string, bigint, ListNode, TreeNode, map<string, T>, then [] or ?";

// The server's limits on the grammar (execution/ValueType.java), so a name it refuses is refused
// here too rather than read.
const MAX_ARRAY_DIMENSIONS = 2;
const MAX_DEPTH = 4;
const MAX_NAME_LENGTH = 100;

const arrayDimensions = (type: ValueType): number =>
  type.kind === "array" ? 1 + arrayDimensions(type.element) : 0;
const depth = (type: ValueType): number =>
  type.kind === "array"
    ? 1 + depth(type.element)
    : type.kind === "nullable"
      ? 1 + depth(type.inner)
      : type.kind === "map"
        ? 1 + depth(type.value)
        : 0;

function wrap(type: ValueType): ValueType {
  const inner =
    type.kind === "array"
      ? type.element
      : type.kind === "nullable"
        ? type.inner
        : type.kind === "map"
          ? type.value
          : null;
  if (type.kind === "array" && inner && arrayDimensions(inner) >= MAX_ARRAY_DIMENSIONS) {
    throw new TypeSyntaxError(`more than ${MAX_ARRAY_DIMENSIONS} [] in a row`);
  }
  if (inner && depth(inner) >= MAX_DEPTH) {
    throw new TypeSyntaxError(`more than ${MAX_DEPTH} arrays, nullables and maps around one type`);
  }
  return type;
}

class TypeSyntaxError extends Error {}

/** A recursive-descent reader of `base ( "[]" | "?" )*`, where base may be `map<string, T>`. */
class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  type(): ValueType {
    let type = this.base();
    for (;;) {
      if (this.text.startsWith("[]", this.at)) {
        this.at += 2;
        type = wrap({ kind: "array", element: type });
      } else if (this.text.startsWith("?", this.at)) {
        this.at += 1;
        if (type.kind === "nullable") throw new TypeSyntaxError("? twice in a row");
        if (type.kind === "list" || type.kind === "tree") {
          const name = typeName(type);
          throw new TypeSyntaxError(`${name}? is ${name}: the empty list or tree already is null`);
        }
        type = wrap({ kind: "nullable", inner: type });
      } else {
        return type;
      }
    }
  }

  done(): boolean {
    return this.at === this.text.length;
  }

  rest(): string {
    return this.text.slice(this.at);
  }

  private base(): ValueType {
    const name = /^[A-Za-z]+/.exec(this.text.slice(this.at))?.[0];
    if (!name) throw new TypeSyntaxError(`a type name expected at "${this.rest()}"`);
    this.at += name.length;
    if (name === "map") return wrap(this.map());
    const type = NAMED[name];
    if (!type) throw new TypeSyntaxError(`unknown type "${name}"`);
    return type;
  }

  private map(): ValueType {
    this.spaces();
    this.expect("<");
    this.spaces();
    const key = /^[A-Za-z]+/.exec(this.text.slice(this.at))?.[0] ?? "";
    if (key !== "string") {
      throw new TypeSyntaxError(`map keys are string, not "${key || this.rest()}"`);
    }
    this.at += key.length;
    this.spaces();
    this.expect(",");
    this.spaces();
    const value = this.type();
    this.spaces();
    this.expect(">");
    return { kind: "map", value };
  }

  private spaces() {
    while (this.text[this.at] === " ") this.at++;
  }

  private expect(token: string) {
    if (!this.text.startsWith(token, this.at)) {
      throw new TypeSyntaxError(`"${token}" expected at "${this.rest()}"`);
    }
    this.at += token.length;
  }
}

/**
 * Parses a type name: `int`, `long`, `double`, `boolean`, `string`, `bigint`, `ListNode`,
 * `TreeNode`, `map<string, T>`, each followed by any of `[]` (an array) and `?` (nullable), so
 * `int?[]` is an array of nullable ints and `int[]?` a nullable array. `void` only where `returns`.
 */
export function parseType(name: string, { returns = false } = {}): Parsed<ValueType> {
  if (name === "void") {
    return returns
      ? { ok: true, value: { kind: "void" } }
      : { ok: false, error: '"void" is only a return type' };
  }
  if (name.length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      error: `type "${name.slice(0, 40)}…": longer than ${MAX_NAME_LENGTH} characters`,
    };
  }
  const reader = new Reader(name);
  try {
    const value = reader.type();
    if (!reader.done()) throw new TypeSyntaxError(`unexpected "${reader.rest()}"`);
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof TypeSyntaxError)) throw error;
    return { ok: false, error: `type "${name}": ${error.message} (known: ${VALID})` };
  }
}

/** The type's name as the server writes it, e.g. `map<string, int[]>?`. */
export function typeName(type: ValueType): string {
  switch (type.kind) {
    case "list":
      return "ListNode";
    case "tree":
      return "TreeNode";
    case "array":
      return `${typeName(type.element)}[]`;
    case "nullable":
      return `${typeName(type.inner)}?`;
    case "map":
      return `map<string, ${typeName(type.value)}>`;
    default:
      return type.kind;
  }
}

/** A parameter with its type parsed; `typeName` is the name as the problem wrote it. */
export interface Param {
  name: string;
  typeName: string;
  type: ValueType;
}

/** A design class's method; the constructor is one too, named after the class, returning void. */
export interface Method {
  name: string;
  params: Param[];
  returns: ValueType;
}

/** A problem's signature: one function, or a class to design (a test is then a call sequence). */
export type Signature =
  | { kind: "function"; name: string; params: Param[]; returns: ValueType }
  | { kind: "class"; className: string; constructor: Method; methods: Method[] };

/** The signature as the problem JSON has it (a missing `kind` means a function). */
export type RawSignature =
  | {
      kind?: "function";
      function: string;
      params: { name: string; type: string }[];
      returns: string;
    }
  | {
      kind: "class";
      className: string;
      constructor: { params: { name: string; type: string }[] };
      methods: { name: string; params: { name: string; type: string }[]; returns: string }[];
    };

function parseParams(raw: { name: string; type: string }[], where: string): Parsed<Param[]> {
  const params: Param[] = [];
  for (const [i, p] of raw.entries()) {
    const type = parseType(p.type);
    if (!type.ok) return { ok: false, error: `${where}.params[${i}] (${p.name}): ${type.error}` };
    params.push({ name: p.name, typeName: p.type, type: type.value });
  }
  return { ok: true, value: params };
}

/** Parses every type of a signature; the first it cannot read is the error, naming where. */
export function parseSignature(raw: RawSignature): Parsed<Signature> {
  if (raw.kind === "class") {
    const ctor = parseParams(raw.constructor.params, "constructor");
    if (!ctor.ok) return ctor;
    const methods: Method[] = [];
    for (const [i, m] of raw.methods.entries()) {
      const params = parseParams(m.params, `methods[${i}]`);
      if (!params.ok) return params;
      const returns = parseType(m.returns, { returns: true });
      if (!returns.ok) {
        return { ok: false, error: `methods[${i}] (${m.name}) returns: ${returns.error}` };
      }
      methods.push({ name: m.name, params: params.value, returns: returns.value });
    }
    const constructor: Method = {
      name: raw.className,
      params: ctor.value,
      returns: { kind: "void" },
    };
    return {
      ok: true,
      value: { kind: "class", className: raw.className, constructor, methods },
    };
  }
  const params = parseParams(raw.params, "signature");
  if (!params.ok) return params;
  const returns = parseType(raw.returns, { returns: true });
  if (!returns.ok) return { ok: false, error: `returns: ${returns.error}` };
  return {
    ok: true,
    value: { kind: "function", name: raw.function, params: params.value, returns: returns.value },
  };
}

/** The names of a test's arguments: the parameters', or a design test's `ops` and `args`. */
export function argumentNames(signature: Signature): string[] {
  return signature.kind === "function" ? signature.params.map((p) => p.name) : ["ops", "args"];
}
