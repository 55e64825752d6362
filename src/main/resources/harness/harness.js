'use strict';
// Improview harness for JavaScript (node 20). Started ahead of the job; reads the job's header line
// (JSON) from stdin, loads the user's script, then reads one line of arguments per test, calls the
// function and writes nonce-framed events to fd 1. The contract is docs/runner-contract.md.
// Expected values never reach this process, and nothing it reports about time is believed: the
// server measures every test from outside the sandbox.

const fs = require('fs');
const vm = require('vm');
const util = require('util');

// Captured before user code runs, so a solution that patches globals cannot break the protocol.
const stringify = JSON.stringify;
const parse = JSON.parse;
const isArray = Array.isArray;
const objectKeys = Object.keys;
const objectPrototype = Object.prototype;
const createObject = Object.create;
const defineProperty = Object.defineProperty;
const getPrototypeOf = Object.getPrototypeOf;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const isInteger = Number.isInteger;
const isSafeInteger = Number.isSafeInteger;
const isFiniteNumber = Number.isFinite;
const toBigInt = BigInt;
const reflectApply = Reflect.apply;
const reflectConstruct = Reflect.construct;
const mapForEach = Map.prototype.forEach;
const isMap = util.types.isMap;
const isTypedArray = util.types.isTypedArray;
const writeSync = fs.writeSync;
const readSync = fs.readSync;
const bufferFrom = Buffer.from;
const bufferConcat = Buffer.concat;
const allocUnsafe = Buffer.allocUnsafe;
// libuv makes a stdout pipe non-blocking; blocking again, raw writes (ours and user code's) wait
// for the server to read instead of failing with EAGAIN.
if (process.stdout._handle && typeof process.stdout._handle.setBlocking === 'function') {
  process.stdout._handle.setBlocking(true);
}
const pause = new Int32Array(new SharedArrayBuffer(4));

// Synchronous writes to fd 1: process.stdout may queue writes to a pipe, and queued writes are
// lost at process.exit. Node may have made the pipe non-blocking, hence the EAGAIN retry.
function realStdoutWrite(text) {
  const buffer = bufferFrom(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(1, buffer, offset, buffer.length - offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

const USER_FILE = 'solution.js';

// Events are written by hand rather than by JSON.stringify on objects, which would consult a
// toJSON that user code may have put on Object.prototype. Strings go through stringify as
// primitives, which never looks up toJSON.
function jsonOf(value) {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return stringify(value);
    case 'number':
      return value === value && value !== Infinity && value !== -Infinity ? '' + value : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    default: {
      if (isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + jsonOf(value[i]);
        return out + ']';
      }
      const keys = objectKeys(value);
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        out += (i > 0 ? ',' : '') + stringify(keys[i]) + ':' + jsonOf(value[keys[i]]);
      }
      return out + '}';
    }
  }
}

function emit(nonce, event) {
  // The leading newline starts a fresh line even if user code left a partial line on fd 1.
  realStdoutWrite('\n' + nonce + ' ' + jsonOf(event) + '\n');
}

// The job arrives line by line on fd 0 (blocking: node leaves fd 0 alone until process.stdin is
// touched). Returns null at the end of input.
const pending = [];
function readLine() {
  const chunk = allocUnsafe(1 << 16);
  for (;;) {
    const last = pending.length > 0 ? pending[pending.length - 1] : null;
    const newline = last === null ? -1 : last.indexOf(10);
    if (newline >= 0) {
      const whole = bufferConcat(pending);
      const end = whole.length - last.length + newline;
      pending.length = 0;
      if (end + 1 < whole.length) pending[pending.length] = whole.subarray(end + 1);
      return whole.subarray(0, end).toString('utf8');
    }
    let n;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      if (error.code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (error.code === 'EOF') n = 0;
      else throw error;
    }
    if (n === 0) {
      if (pending.length === 0) return null;
      const rest = bufferConcat(pending).toString('utf8');
      pending.length = 0;
      return rest;
    }
    pending[pending.length] = bufferFrom(chunk.subarray(0, n));
  }
}

// Output written by user code (console.*, process.stdout/stderr.write) goes into per-test buffers.
class OutputLimitError extends Error {}

class Capture {
  constructor(cap) {
    this.cap = cap;
    this.chunks = [];
    this.bytes = 0;
    this.truncated = false;
  }

  write(chunk, encoding) {
    const buffer = Buffer.isBuffer(chunk) ? chunk
      : chunk instanceof Uint8Array ? Buffer.from(chunk)
      : Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
    if (this.truncated) {
      throw new OutputLimitError('output limit exceeded');
    }
    const room = this.cap - this.bytes;
    if (buffer.length > room) {
      this.chunks.push(buffer.subarray(0, room));
      this.bytes = this.cap;
      this.truncated = true;
      throw new OutputLimitError('output limit exceeded');
    }
    this.chunks.push(buffer);
    this.bytes += buffer.length;
  }

  text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

let stdoutCapture = null;
let stderrCapture = null;

function patchStream(stream, current) {
  stream.write = function (chunk, encoding, callback) {
    current().write(chunk, encoding);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') {
      process.nextTick(done);
    }
    return true;
  };
}

// Console swallows errors thrown by its streams, so its printing methods write to the capture directly.
function patchConsole() {
  const toStdout = (...args) => stdoutCapture.write(util.format(...args) + '\n');
  const toStderr = (...args) => stderrCapture.write(util.format(...args) + '\n');
  console.log = toStdout;
  console.info = toStdout;
  console.debug = toStdout;
  console.error = toStderr;
  console.warn = toStderr;
}

function startCapture(cap) {
  stdoutCapture = new Capture(cap);
  stderrCapture = new Capture(cap);
}

function capturedOutput() {
  return {
    stdout: stdoutCapture.text(),
    stdoutTruncated: stdoutCapture.truncated,
    stderr: stderrCapture.text(),
    stderrTruncated: stderrCapture.truncated,
  };
}

function userFrames(stack) {
  if (typeof stack !== 'string') {
    return '';
  }
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line) && line.includes(USER_FILE));
  const shown = [];
  let repeated = 0;
  for (const frame of frames) {
    if (shown.length > 0 && shown[shown.length - 1] === frame.trim()) {
      repeated++;
      continue;
    }
    if (shown.length >= 20) {
      break;
    }
    shown.push(frame.trim());
  }
  return shown.map((f) => '    ' + f).join('\n') + (repeated > 0 ? '\n    (' + repeated + ' repeated frames hidden)' : '');
}

// What was thrown may be anything, a Proxy whose traps throw included: describing it never throws.
function describeError(error) {
  try {
    return describeThrown(error);
  } catch (e) {
    return { kind: 'exception', type: 'thrown value', message: 'a value that cannot be shown', stack: '' };
  }
}

function describeThrown(error) {
  if (error instanceof OutputLimitError) {
    return { kind: 'output_limit', type: 'OutputLimitExceeded', message: 'printed more than the output limit', stack: '' };
  }
  if (error instanceof RangeError && /Maximum call stack size exceeded/.test(String(error.message))) {
    return {
      kind: 'stack_overflow',
      type: 'RangeError',
      message: 'Maximum call stack size exceeded (stack overflow: is the recursion too deep or endless?)',
      stack: userFrames(error.stack),
    };
  }
  if (error instanceof Error) {
    let message = String(error.message);
    const heap = /heap out of memory|Array buffer allocation failed|Invalid array length|Invalid string length/.test(message);
    return {
      kind: heap && /heap out of memory|allocation failed/.test(message) ? 'out_of_memory' : 'exception',
      type: String(error.name || 'Error'),
      message,
      stack: userFrames(error.stack),
    };
  }
  let text;
  try {
    text = String(error);
  } catch (e) {
    text = typeof error;
  }
  return { kind: 'exception', type: 'thrown value', message: text, stack: '' };
}

// ---- Types (docs/runner-contract.md, section 2). ----
//
// A type name from the header is read into a small tree, {kind, name, of}. From the tree come a
// decoder per parameter and an encoder for the return type. A decoder is null when JSON.parse
// already gives what the function receives (numbers, booleans, strings and arrays of them), so
// problems with only those types call the function with the parsed arguments as they are.

const BASE_KINDS = new Map([
  ['int', 'int'], ['long', 'long'], ['double', 'double'], ['boolean', 'boolean'], ['string', 'string'],
  ['bigint', 'bigint'], ['ListNode', 'list'], ['TreeNode', 'tree'],
]);
// Characters are tested by code rather than by regular expression here and in isIdentifier: V8
// compiles a regular expression on its first use, a cost every run would pay at start-up.
const isLetter = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const MAP_OPEN = 'map<string, ';

// type := base ('[]' | '?')*     base := word | 'map<string, ' type '>'
function parseType(text) {
  let at = 0;
  const fail = () => {
    throw new Error('the harness cannot read the type ' + stringify(text) + ' (at ' + at + ')');
  };
  function base() {
    if (text.startsWith(MAP_OPEN, at)) {
      at += MAP_OPEN.length;
      const of = type();
      if (text[at] !== '>') fail();
      at++;
      return { kind: 'map', name: MAP_OPEN + of.name + '>', of };
    }
    let end = at;
    while (end < text.length && isLetter(text.charCodeAt(end))) end++;
    const word = text.slice(at, end);
    if (!BASE_KINDS.has(word)) fail();
    at = end;
    return { kind: BASE_KINDS.get(word), name: word, of: null };
  }
  function type() {
    let t = base();
    for (;;) {
      if (text.startsWith('[]', at)) {
        at += 2;
        t = { kind: 'array', name: t.name + '[]', of: t };
      } else if (text[at] === '?') {
        at++;
        t = { kind: 'nullable', name: t.name + '?', of: t };
      } else {
        return t;
      }
    }
  }
  const parsed = type();
  if (at !== text.length) fail();
  return parsed;
}

// The node classes user code receives and may build (globals, see defineNodeClasses). Decoding
// always uses these, whatever user code later does to the globals.
class ListNode {
  constructor(val = 0, next = null) {
    this.val = val;
    this.next = next;
  }
}

class TreeNode {
  constructor(val = 0, left = null, right = null) {
    this.val = val;
    this.left = left;
    this.right = right;
  }
}

function defineNodeClasses() {
  // Configurable properties, not lexical bindings: a solution may still declare its own
  // `class ListNode` at top level (it then shadows ours, and ours keep coming in as arguments).
  defineProperty(globalThis, 'ListNode', { value: ListNode, writable: true, configurable: true, enumerable: false });
  defineProperty(globalThis, 'TreeNode', { value: TreeNode, writable: true, configurable: true, enumerable: false });
}

// ---- Decoding: the JSON form (already validated by the server) into what user code receives. ----

// [1, 2, 3] or, for a list whose last node links back, {values: [1, 2, 3], tailLinksTo: 1}.
function listFrom(json) {
  const cyclic = !isArray(json);
  const values = cyclic ? json.values : json;
  let head = null;
  let last = null;
  let linked = null;
  for (let i = values.length - 1; i >= 0; i--) {
    head = new ListNode(values[i], head);
    if (last === null) last = head;
    if (cyclic && i === json.tailLinksTo) linked = head;
  }
  if (linked !== null) last.next = linked;
  return head;
}

// LeetCode level order: children of a missing node are not listed; the server checked the shape.
function treeFromLevelOrder(values) {
  if (values.length === 0 || values[0] === null) return null;
  const root = new TreeNode(values[0]);
  const parents = [root];
  let parent = 0;
  for (let i = 1; i < values.length; parent++) {
    const node = parents[parent];
    if (values[i] !== null) node.left = parents[parents.length] = new TreeNode(values[i]);
    i++;
    if (i < values.length && values[i] !== null) node.right = parents[parents.length] = new TreeNode(values[i]);
    i++;
  }
  return root;
}

// A map arrives as an object without a prototype, so "__proto__" or "constructor" are plain keys.
function mapFromObject(object, decodeValue) {
  const map = createObject(null);
  const keys = objectKeys(object);
  for (let i = 0; i < keys.length; i++) {
    const value = object[keys[i]];
    map[keys[i]] = decodeValue === null ? value : decodeValue(value);
  }
  return map;
}

// Returns a function from the JSON form to the value user code receives, or null if they are equal.
function decoderOf(type) {
  switch (type.kind) {
    case 'bigint':
      return (value) => toBigInt(value);
    case 'list':
      return listFrom;
    case 'tree':
      return treeFromLevelOrder;
    case 'map': {
      const value = decoderOf(type.of);
      return (object) => mapFromObject(object, value);
    }
    case 'array': {
      const element = decoderOf(type.of);
      if (element === null) return null;
      return (array) => {
        // In place: the parsed arguments are the harness's own.
        for (let i = 0; i < array.length; i++) array[i] = element(array[i]);
        return array;
      };
    }
    case 'nullable': {
      const inner = decoderOf(type.of);
      if (inner === null) return null;
      return (value) => (value === null ? null : inner(value));
    }
    default:
      return null;
  }
}

// One decoder for a whole argument list, or null when no argument needs decoding.
function argumentsDecoder(params) {
  const decoders = [];
  let needed = false;
  for (let i = 0; i < params.length; i++) {
    decoders[i] = decoderOf(parseType(params[i].type));
    needed = needed || decoders[i] !== null;
  }
  if (!needed) return null;
  return (args) => {
    for (let i = 0; i < decoders.length; i++) {
      if (decoders[i] !== null) args[i] = decoders[i](args[i]);
    }
    return args;
  };
}

// ---- Encoding: check a returned value against its type and write its JSON. ----
//
// Returned values are user objects: reading a field may run a getter or a Proxy trap, which may
// throw (reported as the exception it is) or make up new nodes forever. Every walk is iterative
// and writes at least one character per element into an Output that refuses to grow past the
// result limit, so no returned value can hang the harness or exhaust its stack.

// Errors of the harness's own are told from what user code throws by a private brand: `#brand in
// value` runs no user code, where instanceof would call a thrown Proxy's getPrototypeOf trap.
const isObjectLike = (value) => (typeof value === 'object' && value !== null) || typeof value === 'function';

// A returned value that does not fit its type. Where it is (e.g. "[2]") is filled in on the way
// out, by each array or map it is in: building a path per element would triple the cost of
// encoding a large array. explain(path) gives the message once the whole path is known.
class BadReturn extends Error {
  #brand;
  constructor(explain) {
    super('bad return');
    this.place = '';
    this.explain = explain;
  }

  static is(value) {
    return isObjectLike(value) && #brand in value;
  }

  text(path) {
    return this.explain(path + this.place);
  }
}

class TooLarge extends Error {
  #brand;
  static is(value) {
    return isObjectLike(value) && #brand in value;
  }
}

class Output {
  constructor(limit) {
    this.text = '';
    this.limit = limit;
  }

  add(piece) {
    this.text += piece;
    if (this.text.length > this.limit) throw new TooLarge();
  }
}

// Adds `step` (an index or key) to the place of a BadReturn passing through; rethrows anything.
function through(error, step) {
  if (BadReturn.is(error)) error.place = step + error.place;
  return error;
}

const RETURNED = 'the returned value';
const MAX_BIGINT_DIGITS = 4000;
let bigintBound = null; // 10^4000, made when first needed

function describeValue(value) {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return 'the number ' + String(value);
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (isArray(value)) return 'an array';
  if (isTypedArray(value)) return 'a typed array';
  if (isMap(value)) return 'a Map';
  return 'an object';
}

function mismatch(value, expected) {
  const described = describeValue(value);
  return new BadReturn((path) => path + ' is ' + described + ', expected ' + expected);
}

const isInt = (value) => typeof value === 'number' && isInteger(value) && value >= -2147483648 && value <= 2147483647;
const isNode = (value) => typeof value === 'object' && value !== null;

function encodeInt(value, out) {
  // '' + -0 is '0'.
  if (!isInt(value)) throw mismatch(value, 'int');
  out.add('' + value);
}

function encodeLong(value, out) {
  if (typeof value === 'number' && isInteger(value) && value <= 2 ** 53 && value >= -(2 ** 53)) {
    out.add('' + value);
  } else if (typeof value === 'bigint' && value >= -(2n ** 63n) && value < 2n ** 63n) {
    out.add('' + value);
  } else {
    throw mismatch(value, 'long');
  }
}

function encodeDouble(value, out) {
  if (typeof value !== 'number' || !isFiniteNumber(value)) throw mismatch(value, 'double');
  out.add(value === 0 ? '0.0' : '' + value);
}

function encodeBoolean(value, out) {
  if (typeof value !== 'boolean') throw mismatch(value, 'boolean');
  out.add(value ? 'true' : 'false');
}

function encodeString(value, out) {
  if (typeof value !== 'string') throw mismatch(value, 'string');
  out.add(stringify(value));
}

// A bigint goes out as a JSON string of its digits; BigInt's own decimal form is canonical already.
function encodeBigint(value, out) {
  if (typeof value === 'number' && isSafeInteger(value)) {
    out.add('"' + value + '"');
    return;
  }
  if (typeof value !== 'bigint') throw mismatch(value, 'bigint (a BigInt, or a number that is a safe integer)');
  if (bigintBound === null) bigintBound = 10n ** toBigInt(MAX_BIGINT_DIGITS);
  if (value >= bigintBound || value <= -bigintBound) {
    throw new BadReturn((path) => `${path} is a bigint of more than ${MAX_BIGINT_DIGITS} digits, the most a bigint may have`);
  }
  out.add('"' + value + '"');
}

// What a list or tree is called in a message: "the returned list", or its place ("the returned value[1]").
const structure = (path, noun) => (path === RETURNED ? 'the returned ' + noun : path);

function encodeList(head, out) {
  if (head === null) {
    out.add('[]');
    return;
  }
  if (!isNode(head)) throw mismatch(head, 'a ListNode or null');
  const positions = new Map(); // node -> its position, from 1
  const values = [];
  out.add('[');
  for (let node = head, position = 1; ; position++) {
    const earlier = positions.get(node);
    if (earlier !== undefined) {
      const back = `has a cycle: node ${position - 1} links back to node ${earlier} (value ${values[earlier - 1]})`;
      throw new BadReturn((path) => structure(path, 'list') + ' ' + back);
    }
    positions.set(node, position);
    const val = node.val;
    if (!isInt(val)) {
      const described = describeValue(val);
      throw new BadReturn((path) => `${structure(path, 'list')}: the val of node ${position} is ${described}, expected int`);
    }
    values[position - 1] = val;
    out.add(position === 1 ? '' + val : ',' + val);
    const next = node.next;
    // A missing next (undefined) ends the list like null: any object with val and next is a node.
    if (next === null || next === undefined) break;
    if (!isNode(next)) {
      const described = describeValue(next);
      throw new BadReturn((path) => `${structure(path, 'list')}: the next of node ${position} is ${described}, expected a ListNode or null`);
    }
    node = next;
  }
  out.add(']');
}

// Breadth first, so a node's place in the queue is its index in the level-order array.
function encodeTree(root, out) {
  if (root === null) {
    out.add('[]');
    return;
  }
  if (!isNode(root)) throw mismatch(root, 'a TreeNode or null');
  const seen = new Map(); // node -> its val
  const queue = [root];
  let holes = 0; // nulls not written yet: trailing ones are dropped
  out.add('[');
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at];
    queue[at] = undefined;
    if (node === null || node === undefined) {
      holes++;
      continue;
    }
    if (!isNode(node)) {
      const described = describeValue(node);
      throw new BadReturn((path) => `${structure(path, 'tree')}: the child at level order [${at}] is ${described}, expected a TreeNode or null`);
    }
    if (seen.has(node)) {
      const twice = `reaches a node twice (value ${seen.get(node)}): a tree has one path to each node`;
      throw new BadReturn((path) => structure(path, 'tree') + ' ' + twice);
    }
    const val = node.val;
    if (!isInt(val)) {
      const described = describeValue(val);
      throw new BadReturn((path) => `${structure(path, 'tree')}: the val of the node at level order [${at}] is ${described}, expected int`);
    }
    seen.set(node, val);
    for (; holes > 0; holes--) out.add(',null');
    out.add(at === 0 ? '' + val : ',' + val);
    queue[queue.length] = node.left;
    queue[queue.length] = node.right;
  }
  out.add(']');
}

const NUMERIC = new Set(['int', 'long', 'double', 'bigint']);

function arrayEncoder(type) {
  const element = encoderOf(type.of);
  const typedArraysToo = NUMERIC.has(type.of.kind);
  return (value, out) => {
    if (!isArray(value) && !(typedArraysToo && isTypedArray(value))) throw mismatch(value, type.name);
    out.add('[');
    const length = value.length;
    for (let i = 0; i < length; i++) {
      if (i > 0) out.add(',');
      try {
        element(value[i], out);
      } catch (error) {
        throw through(error, '[' + i + ']');
      }
    }
    out.add(']');
  };
}

// A plain object (its own enumerable string keys) or a Map whose keys are strings.
function mapEncoder(type) {
  const encodeValue = encoderOf(type.of);
  return (map, out) => {
    let first = true;
    const entry = (value, key) => {
      if (typeof key !== 'string') {
        const described = describeValue(key);
        throw new BadReturn((path) => `${path} has a key that is ${described}, expected string keys`);
      }
      const json = stringify(key);
      out.add((first ? '' : ',') + json + ':');
      first = false;
      try {
        encodeValue(value, out);
      } catch (error) {
        throw through(error, '[' + json + ']');
      }
    };
    if (isMap(map)) {
      out.add('{');
      reflectApply(mapForEach, map, [entry]);
    } else if (isNode(map) && !isArray(map) && !isTypedArray(map)) {
      out.add('{');
      const keys = objectKeys(map);
      for (let i = 0; i < keys.length; i++) entry(map[keys[i]], keys[i]);
    } else {
      throw mismatch(map, type.name + ' (a plain object or a Map)');
    }
    out.add('}');
  };
}

function nullableEncoder(type) {
  const inner = encoderOf(type.of);
  return (value, out) => {
    if (value === null || value === undefined) out.add('null');
    else inner(value, out);
  };
}

// encoder(value, out): checks value against the type and adds its JSON to out, or throws a
// BadReturn naming the first bad place.
function encoderOf(type) {
  switch (type.kind) {
    case 'int': return encodeInt;
    case 'long': return encodeLong;
    case 'double': return encodeDouble;
    case 'boolean': return encodeBoolean;
    case 'string': return encodeString;
    case 'bigint': return encodeBigint;
    case 'list': return encodeList;
    case 'tree': return encodeTree;
    case 'array': return arrayEncoder(type);
    case 'map': return mapEncoder(type);
    case 'nullable': return nullableEncoder(type);
  }
  throw new Error('no encoder for ' + type.name);
}

// ---- The run. ----

function syntaxDiagnostic(error) {
  // V8 puts "solution.js:LINE" first in the stack of a SyntaxError thrown while compiling.
  const match = /solution\.js:(\d+)/.exec(String(error.stack));
  const line = match ? Number(match[1]) : 0;
  let column = 0;
  if (match) {
    const lines = String(error.stack).split('\n');
    const caret = lines.find((l) => /^\s*\^+\s*$/.test(l));
    if (caret) column = caret.indexOf('^') + 1;
  }
  return { line, column, message: String(error.name) + ': ' + String(error.message) };
}

const diagnostic = (message) => ({ line: 0, column: 0, message });

// A top-level `function f` is a property of the global object, but a top-level `const f = ...` or
// `class C` is a lexical binding of the script: another script in the same context sees both.
function isIdentifier(name) {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (!(isLetter(code) || code === 95 || code === 36 || (i > 0 && code >= 48 && code <= 57))) return false;
  }
  return name.length > 0;
}

function topLevel(name) {
  if (!isIdentifier(name)) throw new Error('the harness was given an unusable name ' + stringify(name));
  return vm.runInThisContext(`typeof ${name} === 'function' ? ${name} : undefined`);
}

// Loops rather than map/join here and below: some of this runs after user code, which may have
// patched Array.prototype.
function paramNames(params) {
  let names = '';
  for (let i = 0; i < params.length; i++) names += (i > 0 ? ', ' : '') + params[i].name;
  return names;
}

function countOf(params) {
  if (params.length === 0) return 'no parameters';
  return params.length + (params.length === 1 ? ' parameter' : ' parameters') + ' (' + paramNames(params) + ')';
}

function isConstructor(value) {
  try {
    // Constructs a String with value as new.target: throws unless value can be new'ed, runs none of it.
    reflectConstruct(String, [], value);
    return true;
  } catch (error) {
    return false;
  }
}

// The method as the class declares it (on its prototype chain, short of Object.prototype), as a
// property descriptor; undefined when there is none.
function findMethod(prototype, name) {
  for (let o = prototype; isNode(o) && o !== objectPrototype; o = getPrototypeOf(o)) {
    const descriptor = getOwnPropertyDescriptor(o, name);
    if (descriptor !== undefined) return descriptor;
  }
  return undefined;
}

function arityProblem(what, params, fn) {
  if (fn.length === params.length) return null;
  const hint = fn.length < params.length ? ' (parameters with a default value and rest parameters are not counted)' : '';
  return `${what} takes ${countOf(params)}; yours takes ${fn.length}${hint}`;
}

// What is wrong with the user's class, as diagnostics (empty: nothing). It runs user code (getters,
// Proxy traps), so the caller treats a throw as top-level code that threw; what it says was
// written before user code ran (see designOf), so patched built-ins cannot change it.
function classProblems(design, cls) {
  const name = design.className;
  if (cls === undefined) return [diagnostic(`Define a top-level class ${name}: ${design.skeleton}`)];
  if (!isConstructor(cls)) return [diagnostic(`${name} is not a class: declare ${design.skeleton}`)];
  const problems = [];
  const constructorProblem = arityProblem(`The constructor of ${name}`, design.constructorParams, cls);
  if (constructorProblem !== null) problems[problems.length] = diagnostic(constructorProblem);
  for (let i = 0; i < design.methods.length; i++) {
    const method = design.methods[i];
    const found = findMethod(cls.prototype, method.name);
    let problem = null;
    if (found === undefined || (found.get === undefined && typeof found.value !== 'function')) {
      problem = `class ${name} has no method ${method.text}: declare it in the class body, ${method.text} {...}`;
    } else if (typeof found.value === 'function') {
      problem = arityProblem(`${name}.${method.name}`, method.params, found.value);
    }
    if (problem !== null) problems[problems.length] = diagnostic(problem);
  }
  return problems;
}

// A design signature made ready before user code runs: its calls (ops[i] -> {name, decode, encode,
// declares}) and the texts its diagnostics use.
function designOf(signature) {
  const name = signature.className;
  const constructorParams = signature.constructor.params;
  const calls = new Map();
  calls.set(name, { name, decode: argumentsDecoder(constructorParams), encode: null, declares: '' });
  const methods = [];
  let skeleton = `class ${name} { constructor(${paramNames(constructorParams)}) {...} `;
  for (const method of signature.methods) {
    const text = `${method.name}(${paramNames(method.params)})`;
    methods.push({ name: method.name, params: method.params, text });
    skeleton += text + ' {...} ';
    calls.set(method.call, {
      name: method.name,
      decode: argumentsDecoder(method.params),
      encode: method.returns === 'void' ? null : encoderOf(parseType(method.returns)),
      declares: `${method.call} declares ${method.returns}`,
    });
  }
  return { className: name, constructorParams, methods, calls, skeleton: skeleton + '}' };
}

// JSON of an argument, cut short: it may stop once it has more than `room` characters.
function shortJson(value, room) {
  if (typeof value === 'string') return stringify(value.slice(0, room + 2));
  if (!isNode(value)) return stringify(value);
  const array = isArray(value);
  const keys = array ? null : objectKeys(value);
  const length = array ? value.length : keys.length;
  let text = array ? '[' : '{';
  for (let i = 0; i < length && text.length <= room; i++) {
    if (i > 0) text += ',';
    text += array ? shortJson(value[i], room - text.length) : stringify(keys[i]) + ':' + shortJson(value[keys[i]], room - text.length);
  }
  return text + (array ? ']' : '}');
}

const CALL_TEXT_MAX = 80;

// A call as code, as the server writes it for a wrong answer: countSince(301), at most 80 characters.
function callText(name, args) {
  let text = name + '(';
  for (let i = 0; i < args.length && text.length <= CALL_TEXT_MAX; i++) {
    text += (i > 0 ? ', ' : '') + shortJson(args[i], CALL_TEXT_MAX - text.length);
  }
  text += ')';
  return text.length <= CALL_TEXT_MAX ? text : text.slice(0, CALL_TEXT_MAX - 3) + '...';
}

const outputLimitError = () => ({ status: 'error', error: describeError(new OutputLimitError()) });
const outputTruncated = () => stdoutCapture.truncated || stderrCapture.truncated;

// The error event for something thrown while calling user code or encoding what it returned.
function failure(error, declares, prefix, resultCap) {
  let described;
  if (BadReturn.is(error)) {
    described = { kind: 'bad_return', type: 'WrongReturnType', message: error.text(RETURNED) + ' (' + declares + ')', stack: '' };
  } else if (TooLarge.is(error)) {
    described = { kind: 'result_too_large', type: 'ResultTooLarge', message: `the returned value takes more than ${resultCap} bytes`, stack: '' };
  } else {
    described = describeError(error);
  }
  described.message = prefix + described.message;
  return { status: 'error', error: described };
}

function runFunction(fn, decode, encode, declares, args, resultCap) {
  try {
    const value = reflectApply(fn, undefined, decode === null ? args : decode(args));
    // User code may have swallowed the OutputLimitError; the test still exceeded the cap.
    if (outputTruncated()) return outputLimitError();
    const out = new Output(resultCap);
    encode(value, out);
    return { status: 'returned', valueJson: out.text };
  } catch (error) {
    return failure(error, declares, '', resultCap);
  }
}

// A design test: a new instance (call 1), then the calls in order; one array of their returns.
function runCalls(cls, calls, ops, callArgs, resultCap) {
  const out = new Output(resultCap);
  let instance;
  out.add('[');
  for (let k = 0; k < ops.length; k++) {
    const call = calls.get(ops[k]);
    const prefix = `call ${k + 1}, ${callText(ops[k], callArgs[k])}: `;
    if (call === undefined) throw new Error('the harness was given an unknown call ' + stringify(ops[k]));
    try {
      const args = call.decode === null ? callArgs[k] : call.decode(callArgs[k]);
      let value = null;
      if (k === 0) {
        instance = reflectConstruct(cls, args);
      } else {
        const method = instance[call.name];
        if (typeof method !== 'function') throw new TypeError(`this ${ops[0]} has no method ${call.name}`);
        value = reflectApply(method, instance, args);
      }
      if (outputTruncated()) return outputLimitError();
      if (k > 0) out.add(',');
      // The constructor and void methods return null, whatever they returned.
      if (call.encode === null) out.add('null');
      else call.encode(value, out);
    } catch (error) {
      return failure(error, call.declares, prefix, resultCap);
    }
  }
  out.add(']');
  return { status: 'returned', valueJson: out.text };
}

function main() {
  const job = parse(readLine());
  const nonce = job.nonce;
  const cap = job.limits.outputBytesPerStream;
  const resultCap = job.limits.resultBytes;
  const signature = job.signature;
  const design = signature.kind === 'class' ? designOf(signature) : null;

  patchStream(process.stdout, () => stdoutCapture);
  patchStream(process.stderr, () => stderrCapture);
  patchConsole();
  Error.stackTraceLimit = 50;
  defineNodeClasses();

  let script;
  try {
    script = new vm.Script(job.code, { filename: USER_FILE });
  } catch (error) {
    emit(nonce, { type: 'compiled', ok: false, diagnostics: [syntaxDiagnostic(error)] });
    return;
  }
  emit(nonce, { type: 'compiled', ok: true });

  // Codecs are made before user code runs (it could patch Array.prototype.map and the like).
  let run;
  if (design === null) {
    const decode = argumentsDecoder(signature.params);
    const encode = encoderOf(parseType(signature.returns));
    const declares = 'the signature declares ' + signature.returns;
    run = (fn, args) => runFunction(fn, decode, encode, declares, args, resultCap);
  } else {
    const calls = design.calls;
    run = (cls, args) => runCalls(cls, calls, args[0], args[1], resultCap);
  }

  startCapture(cap);
  let entry;
  let problems;
  try {
    script.runInThisContext();
    if (design === null) {
      entry = topLevel(signature.function);
      problems = entry !== undefined ? []
        : [diagnostic(`Declare a top-level function ${signature.function}(${paramNames(signature.params)}).`)];
    } else {
      entry = topLevel(design.className);
      problems = classProblems(design, entry);
    }
  } catch (error) {
    emit(nonce, { type: 'loaded', ok: false, error: describeError(error), ...capturedOutput() });
    return;
  }
  if (problems.length > 0) {
    emit(nonce, { type: 'loaded', ok: false, diagnostics: problems, ...capturedOutput() });
    return;
  }
  emit(nonce, { type: 'loaded', ok: true, ...capturedOutput() });

  for (let index = 0; index < job.tests; index++) {
    const line = readLine();
    if (line === null) break;
    const args = parse(line).args;
    startCapture(cap);
    const result = run(entry, args);
    const value = result.valueJson;
    delete result.valueJson;
    const event = jsonOf({ type: 'result', index, ...result, ...capturedOutput() });
    // The value is spliced in already encoded, so it is never re-serialised through user-patchable paths.
    realStdoutWrite('\n' + nonce + ' ' + (value === undefined ? event : event.slice(0, -1) + ',"value":' + value + '}') + '\n');
  }
  emit(nonce, { type: 'done' });
  // Timers or promises left by user code must not keep the process alive.
  process.exit(0);
}

main();
