# Improview harness for Python (3.11; compiled by the server at start-up and run as
# python3 -I -S -B harness.pyc STACK_BYTES). Started
# ahead of the job, it warms up while it waits, then reads the job's header line (JSON) from stdin,
# compiles and runs the user's module, then reads one line of arguments per test, calls the
# function and writes nonce-framed events to fd 1. The contract is docs/runner-contract.md. Expected values never reach this process, and nothing it reports about
# time is believed: the server measures every test from outside the sandbox.
#
# Signatures of the first format's types (int, long, double, boolean, string and their arrays) are
# handled here alone, by the code below. The other types (bigint, ListNode, TreeNode, T?, maps) and
# design classes are harness_types.py's, loaded only for a job that needs them: plain problems
# never pay for it (not even to compile it: with -B every start compiles what it runs).

import builtins
import io
import json
import math
import os
import sys
import threading

USER_FILE = "solution.py"

# Bound before user code runs, so a solution that patches modules cannot break the protocol.
_write = os.write
_dumps = json.dumps
_exit = os._exit
_loads = json.loads
# The job arrives line by line on fd 0; user code gets an empty sys.stdin.
_stdin = io.open(0, "rb", buffering=1 << 16, closefd=False)


def emit_raw(nonce, payload):
    # The leading newline starts a fresh line even if user code left a partial line on fd 1.
    data = ("\n" + nonce + " " + payload + "\n").encode("utf-8")
    view = memoryview(data)
    while view:
        written = _write(1, view)
        view = view[written:]


def emit(nonce, event):
    emit_raw(nonce, _dumps(event))


class OutputLimitExceeded(BaseException):
    """Raised at the print that crosses the cap; a BaseException so `except Exception` keeps it."""


class Capture(io.TextIOBase):
    """A per-test sys.stdout / sys.stderr: keeps at most `cap` bytes and then refuses more."""

    def __init__(self, cap):
        super().__init__()
        self.cap = cap
        self.parts = []
        self.size = 0
        self.truncated = False

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        if self.truncated:
            raise OutputLimitExceeded()
        data = text.encode("utf-8", "replace")
        room = self.cap - self.size
        if len(data) > room:
            self.parts.append(data[:room])
            self.size = self.cap
            self.truncated = True
            raise OutputLimitExceeded()
        self.parts.append(data)
        self.size += len(data)
        return len(text)

    def flush(self):
        pass

    def text(self):
        return b"".join(self.parts).decode("utf-8", "replace")


captures = {}


def start_capture(cap):
    captures["out"] = Capture(cap)
    captures["err"] = Capture(cap)
    sys.stdout = captures["out"]
    sys.stderr = captures["err"]


def captured_output():
    out, err = captures["out"], captures["err"]
    return {
        "stdout": out.text(),
        "stdoutTruncated": out.truncated,
        "stderr": err.text(),
        "stderrTruncated": err.truncated,
    }


def user_frames(error, source_lines):
    # Walks the traceback by hand: extract_tb takes a second on a 100 000-frame RecursionError.
    shown = []
    repeated = 0
    tb = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == USER_FILE:
            lineno = tb.tb_lineno
            text = USER_FILE + ", line " + str(lineno) + ", in " + code.co_name
            if 0 < lineno <= len(source_lines):
                text += ": " + source_lines[lineno - 1].strip()
            if shown and shown[-1] == text:
                repeated += 1
            elif len(shown) < 20:
                shown.append(text)
        tb = tb.tb_next
    lines = ["    " + s for s in shown]
    if repeated:
        lines.append("    (" + str(repeated) + " repeated frames hidden)")
    return "\n".join(lines)


def describe_error(error, source_lines):
    if isinstance(error, OutputLimitExceeded):
        return {"kind": "output_limit", "type": "OutputLimitExceeded",
                "message": "printed more than the output limit", "stack": ""}
    stack = user_frames(error, source_lines)
    if isinstance(error, RecursionError):
        return {"kind": "stack_overflow", "type": "RecursionError",
                "message": "maximum recursion depth exceeded (stack overflow: is the recursion too deep or endless?)",
                "stack": stack}
    if isinstance(error, MemoryError):
        return {"kind": "out_of_memory", "type": "MemoryError", "message": "out of memory", "stack": stack}
    try:
        message = str(error)
    except BaseException:
        message = ""
    return {"kind": "exception", "type": type(error).__name__, "message": message, "stack": stack}


# ---- Types: decode (already validated by the server) and check + encode returned values. ----

PLAIN_SCALARS = frozenset(("int", "long", "double", "boolean", "string"))


def is_plain(signature):
    """True for a function whose types are the first format's: a scalar followed by nothing but []
    (the server writes names canonically). Anything else is harness_types' to read."""
    if signature.get("kind", "function") != "function":
        return False
    for name in [signature["returns"]] + [p["type"] for p in signature["params"]]:
        while name.endswith("[]"):
            name = name[:-2]
        if name not in PLAIN_SCALARS:
            return False
    return True


def load_types():
    # harness_types.py from beside this file (run with -I, this directory is not on sys.path), once;
    # registered in sys.modules for the mutation check of a problem's reference, which runs as a solution.
    module = sys.modules.get("_improview_types")
    if module is None:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "harness_types.py")
        module = sys.modules["_improview_types"] = type(sys)("_improview_types")
        module.__file__ = path
        with io.open(path, encoding="utf-8") as source:
            exec(compile(source.read(), path, "exec", dont_inherit=True), module.__dict__)
    return module


class BadReturn(Exception):
    pass


def decode(type_name, value):
    if type_name == "double":
        return float(value)
    if type_name.endswith("[]") and type_name.startswith("double"):
        element = type_name[:-2]
        return [decode(element, item) for item in value]
    return value


def describe_value(value):
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "a bool"
    if isinstance(value, (int, float)):
        return "the number " + repr(value)
    return "a value of type " + type(value).__name__


INT_MIN, INT_MAX = -(2 ** 31), 2 ** 31 - 1
LONG_MIN, LONG_MAX = -(2 ** 63), 2 ** 63 - 1


def encode_scalar(scalar, value, path):
    if scalar == "int" or scalar == "long":
        low, high = (INT_MIN, INT_MAX) if scalar == "int" else (LONG_MIN, LONG_MAX)
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return str(int(value))
    elif scalar == "double":
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return repr(float(value))
    elif scalar == "boolean":
        if isinstance(value, bool):
            return "true" if value else "false"
    elif scalar == "string":
        if isinstance(value, str):
            return _dumps(value)
    raise BadReturn(path + " is " + describe_value(value) + ", expected " + scalar)


def encode_fast(type_name, value):
    """The common shapes (flat numeric lists) in one pass; None means: take the checking path."""
    if not isinstance(value, (list, tuple)) or not value:
        return None
    if type_name == "int[]" or type_name == "long[]":
        if not all(type(item) is int for item in value):
            return None
        low, high = (INT_MIN, INT_MAX) if type_name == "int[]" else (LONG_MIN, LONG_MAX)
        if min(value) < low or max(value) > high:
            return None
        return "[" + ",".join(map(str, value)) + "]"
    if type_name == "double[]":
        if not all(type(item) is float or type(item) is int for item in value):
            return None
        floats = [float(item) for item in value]
        if not all(map(math.isfinite, floats)):
            return None
        return "[" + ",".join(map(repr, floats)) + "]"
    return None


def encode(type_name, value, path, out):
    fast = encode_fast(type_name, value)
    if fast is not None:
        out.append(fast)
        return
    if type_name.endswith("[]"):
        element = type_name[:-2]
        if not isinstance(value, (list, tuple)):
            raise BadReturn(path + " is " + describe_value(value) + ", expected " + type_name)
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            encode(element, item, path + "[" + str(i) + "]", out)
        out.append("]")
        return
    out.append(encode_scalar(type_name, value, path))


# ---- The run. ----

def check_output():
    # User code may have swallowed OutputLimitExceeded; the test still exceeded the cap.
    if captures["out"].truncated or captures["err"].truncated:
        raise OutputLimitExceeded()


def run(job):
    nonce = job["nonce"]
    limits = job["limits"]
    cap = limits["outputBytesPerStream"]
    result_cap = limits["resultBytes"]
    signature = job["signature"]
    code = job["code"]
    source_lines = code.split("\n")

    try:
        compiled = compile(code, USER_FILE, "exec", dont_inherit=True)
    except SyntaxError as error:
        message = type(error).__name__ + ": " + str(error.msg)
        emit(nonce, {"type": "compiled", "ok": False, "diagnostics": [
            {"line": error.lineno or 0, "column": error.offset or 0, "message": message}]})
        return
    except (ValueError, OverflowError, MemoryError, RecursionError) as error:
        emit(nonce, {"type": "compiled", "ok": False, "diagnostics": [
            {"line": 0, "column": 0, "message": type(error).__name__ + ": " + str(error)}]})
        return
    # Loaded before any user code runs, so nothing it patches can change the type machinery.
    types = None if is_plain(signature) else load_types()
    emit(nonce, {"type": "compiled", "ok": True})

    start_capture(cap)
    namespace = {"__name__": "solution", "__builtins__": builtins}
    if types is not None:
        namespace["ListNode"] = types.ListNode
        namespace["TreeNode"] = types.TreeNode
    attempt = problems = None
    try:
        exec(compiled, namespace)
        if types is not None:
            # attempt(args, line) -> (result, value JSON or None) per test. Looking into a design
            # class may run user code (a metaclass): a throw is top-level code's.
            attempt, problems = types.attempts(signature, namespace, result_cap,
                                               lambda error: describe_error(error, source_lines), check_output)
    except BaseException as error:
        emit(nonce, {"type": "loaded", "ok": False, "error": describe_error(error, source_lines),
                     **captured_output()})
        return
    if types is None:
        function = namespace.get(signature["function"])
        if not callable(function):
            params = ", ".join(p["name"] for p in signature["params"])
            problems = ["Define a top-level function: def " + signature["function"] + "(" + params + "):"]
    if problems:
        emit(nonce, {"type": "loaded", "ok": False, "diagnostics": [
            {"line": 0, "column": 0, "message": message} for message in problems], **captured_output()})
        return
    emit(nonce, {"type": "loaded", "ok": True, **captured_output()})

    params = signature.get("params")
    returns = signature.get("returns")
    for index in range(job["tests"]):
        line = _stdin.readline()
        if not line:
            break
        test = _loads(line.decode("utf-8"))
        start_capture(cap)
        if attempt is not None:
            result, value_json = attempt(test["args"], line)
        else:
            result, value_json = plain_result(function, params, returns, test["args"], result_cap, source_lines)
        event = _dumps({"type": "result", "index": index, **result, **captured_output()})
        if value_json is not None:
            # Spliced in already encoded: the value is never re-serialised.
            event = event[:-1] + ', "value": ' + value_json + "}"
        emit_raw(nonce, event)
    emit(nonce, {"type": "done"})


def plain_result(function, params, returns, args, result_cap, source_lines):
    """One test of a plain signature: (result, value JSON or None)."""
    args = [decode(p["type"], a) for p, a in zip(params, args)]
    value_json = None
    try:
        value = function(*args)
        if captures["out"].truncated or captures["err"].truncated:
            # User code swallowed OutputLimitExceeded; the test still exceeded the cap.
            result = {"status": "error", "error": describe_error(OutputLimitExceeded(), source_lines)}
        else:
            try:
                out = []
                encode(returns, value, "the returned value", out)
                value_json = "".join(out)
                if len(value_json) > result_cap:
                    value_json = None
                    result = {"status": "error", "error": {
                        "kind": "result_too_large", "type": "ResultTooLarge",
                        "message": "the returned value takes more than " + str(result_cap) + " bytes",
                        "stack": ""}}
                else:
                    result = {"status": "returned"}
            except BadReturn as error:
                result = {"status": "error", "error": {
                    "kind": "bad_return", "type": "WrongReturnType",
                    "message": str(error) + " (the signature declares " + returns + ")", "stack": ""}}
    except BaseException as error:
        result = {"status": "error", "error": describe_error(error, source_lines)}
    return result, value_json


def warm_up():
    # Runs while the process waits in the pool for its job: the first compile, JSON round trip
    # and capture of a process each cost about a millisecond, which a job would otherwise pay.
    compile("def warm(a, b):\n    return [a + b]\n", "<warm-up>", "exec", dont_inherit=True)
    _dumps(_loads('{"type": "warm", "args": [[1, 2.5], "x", true, null]}'))
    Capture(16).write("warm")


def serve():
    warm_up()
    job = _loads(_stdin.readline().decode("utf-8"))
    sys.stdin = io.StringIO("")
    sys.setrecursionlimit(job["limits"].get("recursionLimit", 100000))
    run(job)


def main():
    # Deep recursion needs a big C stack too; a thread is the only way to choose its size. It is
    # given on the command line (the same for every job of the pool), so the thread exists before
    # the job arrives.
    threading.stack_size(int(sys.argv[1]) if len(sys.argv) > 1 else 256 * 1024 * 1024)
    worker = threading.Thread(target=serve, name="solution")
    worker.start()
    worker.join()
    # Threads left behind by user code must not keep the process alive.
    _exit(0)


main()
