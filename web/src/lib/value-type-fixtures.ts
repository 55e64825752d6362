import {
  parseSignature,
  parseType,
  type RawSignature,
  type Signature,
  type ValueType,
} from "./value-type";

// For tests and stories: a signature or type from its JSON form, throwing where the app would
// refuse the response.

export function signatureOf(raw: RawSignature): Signature {
  const parsed = parseSignature(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export function typeOf(name: string): ValueType {
  const parsed = parseType(name, { returns: true });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The design example of the brief and the docs: an LRU cache. */
export const lruCacheSignature = (): Signature =>
  signatureOf({
    kind: "class",
    className: "LRUCache",
    constructor: { params: [{ name: "capacity", type: "int" }] },
    methods: [
      { name: "get", params: [{ name: "key", type: "int" }], returns: "int" },
      {
        name: "put",
        params: [
          { name: "key", type: "int" },
          { name: "value", type: "int" },
        ],
        returns: "void",
      },
    ],
  });
