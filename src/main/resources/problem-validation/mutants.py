"""Mutation testing of a problem's Python reference, run inside the sandbox.

The server puts a few constants before this code (the reference's source, its function's name, its
signature as a harness's job header gives it, the limits) and calls `improview_mutant(-1, inputs)`
first in every run, to load the inputs (hidden tests first, then the stress inputs) and list the
mutants, then `improview_mutant(k, "")` once per mutant. Each mutant is the reference with one small
change made on its syntax tree: an arithmetic, comparison or boolean operator swapped, an integer
constant moved by one, the branches of an `if` or a conditional expression swapped, `min` and `max`
exchanged. Inputs are JSON; each call gets them decoded by the signature's types (lists and trees as
nodes, bigints as ints) and its return is checked and encoded back to JSON by the harness's own
type machinery (harness_types.py), so a mutant that returns a cycle is an error rather than a hang.
A design problem's input is a call sequence, run on a new instance. A mutant's outputs are compared
with the reference's as canonical JSON text (a top-level list sorted first when the problem
compares unordered); only the inputs where they differ are sent back, with the mutant's value when
it is small, and the server judges those with the problem's own comparison. Nothing here decides a
verdict.
"""

import ast as _ast
import copy as _copy
import json as _json
import math as _math
import os as _os
import resource as _resource
import select as _select
import signal as _signal
import sys as _sys
import time as _time

_SWAPS = {
    _ast.Add: _ast.Sub,
    _ast.Sub: _ast.Add,
    _ast.Mult: _ast.Add,
    _ast.FloorDiv: _ast.Mult,
    _ast.Div: _ast.Mult,
    _ast.Mod: _ast.FloorDiv,
    _ast.LShift: _ast.RShift,
    _ast.RShift: _ast.LShift,
    _ast.BitAnd: _ast.BitOr,
    _ast.BitOr: _ast.BitAnd,
    _ast.BitXor: _ast.BitOr,
    _ast.Lt: _ast.LtE,
    _ast.LtE: _ast.Lt,
    _ast.Gt: _ast.GtE,
    _ast.GtE: _ast.Gt,
    _ast.Eq: _ast.NotEq,
    _ast.NotEq: _ast.Eq,
    _ast.And: _ast.Or,
    _ast.Or: _ast.And,
    _ast.In: _ast.NotIn,
    _ast.NotIn: _ast.In,
    _ast.Is: _ast.IsNot,
    _ast.IsNot: _ast.Is,
}

_SYMBOLS = {
    _ast.Add: "+", _ast.Sub: "-", _ast.Mult: "*", _ast.FloorDiv: "//", _ast.Div: "/",
    _ast.Mod: "%", _ast.LShift: "<<", _ast.RShift: ">>", _ast.BitAnd: "&", _ast.BitOr: "|",
    _ast.BitXor: "^", _ast.Lt: "<", _ast.LtE: "<=", _ast.Gt: ">", _ast.GtE: ">=",
    _ast.Eq: "==", _ast.NotEq: "!=", _ast.And: "and", _ast.Or: "or", _ast.In: "in",
    _ast.NotIn: "not in", _ast.Is: "is", _ast.IsNot: "is not",
}


def _points(tree):
    """Every mutation the tree offers, as (node position in ast.walk order, kind, detail, line)."""
    points = []
    for position, node in enumerate(_ast.walk(tree)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, (_ast.BinOp, _ast.AugAssign)) and type(node.op) in _SWAPS:
            points.append((position, "op", None, line))
        elif isinstance(node, _ast.BoolOp) and type(node.op) in _SWAPS:
            points.append((position, "op", None, line))
        elif isinstance(node, _ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in _SWAPS:
                    points.append((position, "compare", i, line))
        elif (isinstance(node, _ast.Constant) and type(node.value) is int):
            points.append((position, "constant", 1, line))
            points.append((position, "constant", -1, line))
        elif isinstance(node, _ast.If) and node.orelse:
            points.append((position, "branches", None, line))
        elif isinstance(node, _ast.IfExp):
            points.append((position, "branches", None, line))
        elif (isinstance(node, _ast.Call) and isinstance(node.func, _ast.Name)
              and node.func.id in ("min", "max")):
            points.append((position, "minmax", None, line))
        elif isinstance(node, _ast.UnaryOp) and isinstance(node.op, _ast.Not):
            points.append((position, "not", None, line))
        elif isinstance(node, (_ast.Break, _ast.Continue)):
            points.append((position, "loop", None, line))
        if isinstance(node, (_ast.FunctionDef, _ast.For, _ast.While, _ast.If, _ast.With)):
            # A call made for its effect (`seen.add(x)`, `stack.append(x)`) left out.
            for field in ("body", "orelse"):
                for i, statement in enumerate(getattr(node, field, [])):
                    if isinstance(statement, _ast.Expr) and isinstance(statement.value, _ast.Call):
                        points.append((position, "drop", (field, i), statement.lineno))
    return points


def _apply(tree, point):
    """A copy of the tree with one mutation made, and what it changed."""
    position, kind, detail, line = point
    mutant = _copy.deepcopy(tree)
    node = list(_ast.walk(mutant))[position]
    where = "line " + str(line) + ": "
    if kind == "op":
        before = type(node.op)
        node.op = _SWAPS[before]()
        return mutant, where + "`" + _SYMBOLS[before] + "` -> `" + _SYMBOLS[type(node.op)] + "`"
    if kind == "compare":
        before = type(node.ops[detail])
        node.ops[detail] = _SWAPS[before]()
        return mutant, where + "`" + _SYMBOLS[before] + "` -> `" + _SYMBOLS[_SWAPS[before]] + "`"
    if kind == "constant":
        before = node.value
        node.value = before + detail
        return mutant, where + "`" + str(before) + "` -> `" + str(node.value) + "`"
    if kind == "branches":
        if isinstance(node, _ast.If):
            node.body, node.orelse = node.orelse, node.body
            return mutant, where + "the branches of `if` swapped"
        node.body, node.orelse = node.orelse, node.body
        return mutant, where + "the branches of a conditional expression swapped"
    if kind == "minmax":
        before = node.func.id
        node.func.id = "max" if before == "min" else "min"
        return mutant, where + "`" + before + "` -> `" + node.func.id + "`"
    if kind == "not":
        _replace(mutant, node, node.operand)
        return mutant, where + "`not` left out"
    if kind == "loop":
        replacement = _ast.Continue() if isinstance(node, _ast.Break) else _ast.Break()
        _replace(mutant, node, replacement)
        return mutant, where + ("`break` -> `continue`" if isinstance(node, _ast.Break)
                                else "`continue` -> `break`")
    field, i = detail
    statements = getattr(node, field)
    dropped = _ast.unparse(statements[i])
    statements[i] = _ast.Pass()
    return mutant, where + "`" + dropped[:60] + "` left out"


def _replace(tree, old, new):
    """Puts `new` where `old` is in its parent; True when it was found."""
    for parent in _ast.walk(tree):
        for field, value in _ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return True
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new
                        return True
    return False


_MUTANTS = None


def _mutants():
    global _MUTANTS
    if _MUTANTS is None:
        tree = _ast.parse(IMPROVIEW_REFERENCE)
        points = _points(tree)
        if len(points) > IMPROVIEW_MAX_MUTANTS:
            # An even spread over the whole function rather than its first lines.
            step = len(points) / IMPROVIEW_MAX_MUTANTS
            points = [points[int(i * step)] for i in range(IMPROVIEW_MAX_MUTANTS)]
        made = []
        seen = {IMPROVIEW_REFERENCE}
        for point in points:
            mutant, description = _apply(tree, point)
            try:
                source = _ast.unparse(_ast.fix_missing_locations(mutant))
            except Exception:
                continue
            if source in seen:
                continue
            seen.add(source)
            made.append((description, source))
        _MUTANTS = made
    return _MUTANTS


class _OutOfTime(BaseException):
    pass


def _on_alarm(signum, frame):
    raise _OutOfTime()


class _Discard:
    def write(self, text):
        return len(text)

    def flush(self):
        pass


def _canonical(value):
    text = _json.dumps(value, separators=(",", ":"), sort_keys=True, allow_nan=False)
    if IMPROVIEW_UNORDERED and isinstance(value, (list, tuple)):
        items = sorted(_json.dumps(v, separators=(",", ":"), sort_keys=True) for v in value)
        text = "[" + ",".join(items) + "]"
    return text


# The most an encoded return may take: far above any real answer, it only stops a value that would
# never end (nodes made up by a property).
_RESULT_LIMIT = 1 << 26

_SIGNATURE = None


def _signature():
    """(harness_types, a runner of the signature: Function or Design), made once."""
    global _SIGNATURE
    if _SIGNATURE is None:
        # The harness that runs this driver as a solution loads its type machinery on demand.
        types = _sys.modules["__main__"].load_types()
        if IMPROVIEW_SIGNATURE.get("kind") == "class":
            _SIGNATURE = types, types.Design(IMPROVIEW_SIGNATURE)
        else:
            _SIGNATURE = types, types.Function(IMPROVIEW_SIGNATURE)
    return _SIGNATURE


def _load(source, filename, name):
    """The entry point (the function, or the design's class) of a version of the reference."""
    types, runner = _signature()
    namespace = {"__name__": name, "ListNode": types.ListNode, "TreeNode": types.TreeNode}
    exec(compile(source, filename, "exec"), namespace)
    return namespace[IMPROVIEW_SIGNATURE["className"] if IMPROVIEW_SIGNATURE.get("kind") == "class"
                     else IMPROVIEW_FUNCTION]


def _answer(entry, args):
    """The JSON form of what `entry` returns for `args` (a JSON form, decoded here; for a design,
    the call sequence's returns)."""
    types, runner = _signature()
    out = types.Output(_RESULT_LIMIT)
    if isinstance(runner, types.Design):
        runner.run(entry, args[0], args[1], out)
    else:
        runner.run(entry, args, out)
    return _json.loads(out.text())


def _call(entry, args, seconds):
    """(outcome, canonical text or error name, value, cpu seconds) for one call; `seconds` of
    CPU at most when it is not None (only in a mutant's own process, where signals work)."""
    types, _ = _signature()
    out, err = _sys.stdout, _sys.stderr
    _sys.stdout = _sys.stderr = _Discard()
    start = _time.process_time()
    try:
        if seconds is not None:
            _signal.setitimer(_signal.ITIMER_PROF, max(seconds, 0.001))
        try:
            # A copy of the JSON form: decoding leaves lists of plain values as they are, and the
            # code may change its arguments.
            value = _answer(entry, _copy.deepcopy(args))
        finally:
            if seconds is not None:
                _signal.setitimer(_signal.ITIMER_PROF, 0)
        return "ok", _canonical(value), value, _time.process_time() - start
    except BaseException as raised:
        # A design's calls report what went wrong in them wrapped, with the call's number.
        error = raised.error if type(raised) is types.CallFailed else raised
        if isinstance(error, _OutOfTime):
            return "timeout", "", None, _time.process_time() - start
        if isinstance(error, RecursionError):
            return "error", "RecursionError", None, _time.process_time() - start
        if isinstance(error, Exception):
            return "error", type(error).__name__, None, _time.process_time() - start
        raise
    finally:
        _sys.stdout, _sys.stderr = out, err


_REFERENCE = None


def _reference():
    """The reference's canonical output and CPU time on every input."""
    global _REFERENCE
    if _REFERENCE is None:
        entry = _load(IMPROVIEW_REFERENCE, "<reference>", "improview_reference")
        _REFERENCE = [_call(entry, args, None) for args in _INPUTS]
    return _REFERENCE


_INPUTS = []


def improview_mutant(index, inputs):
    """Index -1 loads the inputs (JSON: hidden tests first, then stress inputs) and lists the
    mutants by what each one changed; index k reports where mutant k differs from the reference."""
    global _INPUTS, _REFERENCE
    if index < 0:
        _INPUTS = _json.loads(inputs)
        _REFERENCE = None
        _reference()
        return _json.dumps([description for description, _ in _mutants()])
    if index >= len(_mutants()):
        return _json.dumps({"absent": True})
    reference = _reference()
    # A mutant may take five times what the reference takes on every input, and 2 s at least.
    allowance = max(2.0, 5 * sum(r[3] for r in reference))
    _, source = _mutants()[index]
    return _in_own_process(lambda: _evaluate(source, reference, allowance), allowance)


def _in_own_process(work, allowance):
    """Runs `work` in a child process (signals work there, and a mutant that brings its process
    down takes only that one with it); its JSON answer, or `{"crashed": ...}`."""
    read, write = _os.pipe()
    pid = _os.fork()
    if pid == 0:
        _os.close(read)
        answer = '{"crashed": "no answer"}'
        try:
            limit = int(_math.ceil(allowance)) + 1
            _resource.setrlimit(_resource.RLIMIT_CPU, (limit, limit + 1))
            _signal.signal(_signal.SIGPROF, _on_alarm)
            answer = work()
        except BaseException as error:
            answer = _json.dumps({"crashed": type(error).__name__})
        finally:
            data = answer.encode("utf-8")
            while data:
                data = data[_os.write(write, data):]
            _os._exit(0)
    _os.close(write)
    chunks = []
    deadline = _time.monotonic() + 10 * allowance + 10
    try:
        while True:
            left = deadline - _time.monotonic()
            if left <= 0 or not _select.select([read], [], [], left)[0]:
                _os.kill(pid, _signal.SIGKILL)
                break
            chunk = _os.read(read, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        _os.close(read)
        _os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    return text if text else '{"crashed": "the process ended"}'


def _evaluate(source, reference, allowance):
    try:
        entry = _load(source, "<mutant>", "improview_mutant")
    except Exception as error:
        return _json.dumps({"broken": type(error).__name__})
    differences = []
    hidden_found = stress_found = 0
    spent = 0.0
    for i, args in enumerate(_INPUTS):
        hidden = i < IMPROVIEW_HIDDEN
        if hidden and hidden_found >= IMPROVIEW_DIFFERENCES_PER_PHASE:
            continue
        if not hidden and (stress_found >= IMPROVIEW_DIFFERENCES_PER_PHASE
                           or (hidden_found and IMPROVIEW_TEXT_DECIDES)):
            # Told apart by a hidden test: killed (the server confirms it), no stress needed.
            break
        if spent > allowance:
            return _json.dumps({"differences": differences, "stoppedAt": i})
        ref_outcome, ref_text, _, ref_seconds = reference[i]
        if ref_outcome != "ok":
            continue
        outcome, text, value, seconds = _call(
            entry, args, max(IMPROVIEW_INPUT_SECONDS, 10 * ref_seconds))
        spent += seconds
        if outcome == "ok" and text == ref_text:
            continue
        difference = {"i": i, "outcome": outcome}
        if outcome == "ok" and len(text) <= IMPROVIEW_VALUE_BYTES:
            difference["value"] = value
        differences.append(difference)
        if not hidden:
            stress_found += 1
        elif outcome != "ok":
            # It crashed or ran out of time on a hidden test: killed, nothing more to learn.
            break
        else:
            hidden_found += 1
            if IMPROVIEW_TEXT_DECIDES:
                # Canonical texts that differ are values that differ (short of a float
                # tolerance): one is proof enough.
                break
    return _json.dumps({"differences": differences})
