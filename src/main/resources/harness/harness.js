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
const isView = ArrayBuffer.isView;
const objectKeys = Object.keys;
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
      if (end + 1 < whole.length) pending.push(whole.subarray(end + 1));
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
    pending.push(bufferFrom(chunk.subarray(0, n)));
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

function describeError(error) {
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

// ---- Types: decode (already validated by the server) and check + encode returned values. ----

class BadReturn extends Error {}

function describeValue(value) {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return 'the number ' + String(value);
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'function') return 'a function';
  if (isArray(value)) return 'an array';
  if (isView(value)) return 'a ' + value.constructor.name;
  return 'an object';
}

function encodeScalar(scalar, value, path) {
  switch (scalar) {
    case 'int':
      if (typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) {
        return value === 0 ? '0' : String(value);
      }
      break;
    case 'long':
      if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 53) {
        return value === 0 ? '0' : String(value);
      }
      if (typeof value === 'bigint' && value >= -(2n ** 63n) && value < 2n ** 63n) {
        return value.toString();
      }
      break;
    case 'double':
      if (typeof value === 'number' && Number.isFinite(value)) {
        return value === 0 ? '0.0' : String(value);
      }
      break;
    case 'boolean':
      if (typeof value === 'boolean') {
        return value ? 'true' : 'false';
      }
      break;
    case 'string':
      if (typeof value === 'string') {
        return stringify(value);
      }
      break;
  }
  throw new BadReturn(path + ' is ' + describeValue(value) + ', expected ' + scalar);
}

function encode(type, value, path, out) {
  if (type.endsWith('[]')) {
    const element = type.slice(0, -2);
    const sequence = isArray(value) || (isView(value) && !(value instanceof DataView) && !element.endsWith('[]') && element !== 'string' && element !== 'boolean');
    if (!sequence) {
      throw new BadReturn(path + ' is ' + describeValue(value) + ', expected ' + type);
    }
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      encode(element, value[i], path + '[' + i + ']', out);
    }
    out.push(']');
    return;
  }
  out.push(encodeScalar(type, value, path));
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

function main() {
  const job = parse(readLine());
  const nonce = job.nonce;
  const cap = job.limits.outputBytesPerStream;
  const resultCap = job.limits.resultBytes;
  const signature = job.signature;

  patchStream(process.stdout, () => stdoutCapture);
  patchStream(process.stderr, () => stderrCapture);
  patchConsole();
  Error.stackTraceLimit = 50;

  let script;
  try {
    script = new vm.Script(job.code, { filename: USER_FILE });
  } catch (error) {
    emit(nonce, { type: 'compiled', ok: false, diagnostics: [syntaxDiagnostic(error)] });
    return;
  }
  emit(nonce, { type: 'compiled', ok: true });

  startCapture(cap);
  let fn;
  try {
    script.runInThisContext();
    fn = vm.runInThisContext(`typeof ${signature.function} === 'function' ? ${signature.function} : undefined`);
  } catch (error) {
    emit(nonce, { type: 'loaded', ok: false, error: describeError(error), ...capturedOutput() });
    return;
  }
  if (fn === undefined) {
    const params = signature.params.map((p) => p.name).join(', ');
    emit(nonce, {
      type: 'loaded',
      ok: false,
      diagnostics: [{ line: 0, column: 0, message: `Declare a top-level function ${signature.function}(${params}).` }],
      ...capturedOutput(),
    });
    return;
  }
  emit(nonce, { type: 'loaded', ok: true, ...capturedOutput() });

  for (let index = 0; index < job.tests; index++) {
    const line = readLine();
    if (line === null) break;
    const args = parse(line).args;
    startCapture(cap);
    let result;
    try {
      const value = fn(...args);
      if (stdoutCapture.truncated || stderrCapture.truncated) {
        // User code swallowed the OutputLimitError; the test still exceeded the cap.
        result = { status: 'error', error: describeError(new OutputLimitError()) };
      } else {
        try {
          const out = [];
          encode(signature.returns, value, 'the returned value', out);
          const encoded = out.join('');
          if (encoded.length > resultCap) {
            result = {
              status: 'error',
              error: { kind: 'result_too_large', type: 'ResultTooLarge', message: `the returned value takes more than ${resultCap} bytes`, stack: '' },
            };
          } else {
            result = { status: 'returned', valueJson: encoded };
          }
        } catch (error) {
          if (!(error instanceof BadReturn)) throw error;
          result = {
            status: 'error',
            error: { kind: 'bad_return', type: 'WrongReturnType', message: error.message + ' (the signature declares ' + signature.returns + ')', stack: '' },
          };
        }
      }
    } catch (error) {
      result = { status: 'error', error: describeError(error) };
    }
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
