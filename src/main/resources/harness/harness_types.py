# Improview harness types for Python: the value types beyond int, long, double, boolean, string and
# their arrays (bigint, ListNode, TreeNode, T?, map<string, T>) and design problems (a class whose
# tests are call sequences). docs/runner-contract.md, sections 2 and 2b, is the contract.
#
# harness.py loads this file by path only when a job's signature needs it (plain problems never pay
# for it) and registers it as sys.modules["_improview_types"]; the mutation check of a problem's
# reference (problem-validation/mutants.py) uses the same module.
#
# Arguments arrive in their JSON form, already validated by the server: decoders turn them into what
# user code receives. Returned values are user objects: encoders check them against their type and
# write their JSON. Every walk over a list or a tree is iterative and keeps an identity set, so a
# cycle, a shared node or a 100 000-deep structure never hangs the harness or exhausts its stack; and
# every encoder writes into an Output that refuses to grow past the result limit, so a structure
# that makes up new nodes forever stops there too.

import json
import math

_dumps = json.dumps
_MISSING = object()

INT_MIN, INT_MAX = -(2 ** 31), 2 ** 31 - 1
LONG_MIN, LONG_MAX = -(2 ** 63), 2 ** 63 - 1
MAX_BIGINT_DIGITS = 4000
_BIGINT_BOUND = 10 ** MAX_BIGINT_DIGITS


# ---- The node classes user code receives and may build (put into the solution's namespace). ----

class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        # Shallow on purpose: a long (or cyclic) list must not make print() recurse.
        return "ListNode(" + repr(self.val) + ")"


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right

    def __repr__(self):
        return "TreeNode(" + repr(self.val) + ")"


# ---- Type names: base ("[]" | "?")*, where base is a word or map<string, T>. ----

class Type:
    """A parsed type name: `kind` is one of int, long, double, boolean, string, bigint, list, tree
    (base types), array, nullable, map (which wrap `element`); `name` is the canonical name."""

    __slots__ = ("kind", "element", "name")

    def __init__(self, kind, element, name):
        self.kind = kind
        self.element = element
        self.name = name


_BASES = {"int": "int", "long": "long", "double": "double", "boolean": "boolean",
          "string": "string", "bigint": "bigint", "ListNode": "list", "TreeNode": "tree"}


class _Reader:
    """A recursive-descent reader of one type name."""

    def __init__(self, text):
        self.text = text
        self.at = 0

    def fail(self):
        raise ValueError("the harness cannot read the type " + repr(self.text) + " (at " + str(self.at) + ")")

    def spaces(self):
        while self.text.startswith(" ", self.at):
            self.at += 1

    def expect(self, token):
        self.spaces()
        if not self.text.startswith(token, self.at):
            self.fail()
        self.at += len(token)
        self.spaces()

    def word(self):
        start = self.at
        while self.at < len(self.text) and self.text[self.at].isalpha():
            self.at += 1
        return self.text[start:self.at]

    def base(self):
        word = self.word()
        if word == "map":
            self.expect("<")
            if self.word() != "string":
                self.fail()
            self.expect(",")
            value = self.type()
            self.expect(">")
            return Type("map", value, "map<string, " + value.name + ">")
        if word not in _BASES:
            self.fail()
        return Type(_BASES[word], None, word)

    def type(self):
        parsed = self.base()
        while True:
            if self.text.startswith("[]", self.at):
                self.at += 2
                parsed = Type("array", parsed, parsed.name + "[]")
            elif self.text.startswith("?", self.at):
                self.at += 1
                parsed = Type("nullable", parsed, parsed.name + "?")
            else:
                return parsed


def parse(text):
    reader = _Reader(text)
    parsed = reader.type()
    if reader.at != len(text):
        reader.fail()
    return parsed


# ---- Decoding: the JSON form into what user code receives. ----

def _list_from(json):
    # [1, 2, 3] or, for a list whose last node links back, {"values": [1, 2, 3], "tailLinksTo": 1}.
    cyclic = isinstance(json, dict)
    values = json["values"] if cyclic else json
    head = last = linked = None
    target = json["tailLinksTo"] if cyclic else -1
    for i in range(len(values) - 1, -1, -1):
        head = ListNode(values[i], head)
        if last is None:
            last = head
        if i == target:
            linked = head
    if linked is not None:
        last.next = linked
    return head


def _tree_from(values):
    # LeetCode level order: each present node takes the next two values as its children; the
    # children of a missing node are not listed (the server has checked the shape).
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    parents = [root]
    parent = 0
    i, count = 1, len(values)
    while i < count:
        node = parents[parent]
        parent += 1
        if values[i] is not None:
            node.left = TreeNode(values[i])
            parents.append(node.left)
        i += 1
        if i < count and values[i] is not None:
            node.right = TreeNode(values[i])
            parents.append(node.right)
        i += 1
    return root


def decoder(type_):
    """A function from the JSON form to the value user code receives, or None if they are the same
    (json.loads already gives ints, strings, bools, lists and dicts)."""
    kind = type_.kind
    if kind == "double":
        return float
    if kind == "bigint":
        return int  # "-12" or, from an older server, an integer token
    if kind == "list":
        return _list_from
    if kind == "tree":
        return _tree_from
    if kind in ("array", "nullable", "map"):
        inner = decoder(type_.element)
        if inner is None:
            return None
        if kind == "array":
            return lambda values: [inner(value) for value in values]
        if kind == "nullable":
            return lambda value: None if value is None else inner(value)
        return lambda values: {key: inner(value) for key, value in values.items()}
    return None


def args_decoder(params):
    """One decoder for a whole argument list, or None when no argument needs decoding."""
    decoders = [decoder(parse(param["type"])) for param in params]
    if all(d is None for d in decoders):
        return None
    return lambda args: [value if d is None else d(value) for d, value in zip(decoders, args)]


# ---- Encoding: check a returned value against its type and write its JSON. ----

class BadReturn(Exception):
    """A returned value that does not fit its type. Its place ("[2]", '["key"]') is filled in on
    the way out by each array or map it is in, so no path is built unless something is wrong."""

    def __init__(self, explain):
        super().__init__("bad return")
        self.explain = explain
        self.place = ""

    def text(self, path):
        return self.explain(path + self.place)


class TooLarge(Exception):
    pass


class Output:
    """The encoded value, in pieces; refuses to grow past `limit` characters (ASCII: bytes)."""

    __slots__ = ("parts", "size", "limit")

    def __init__(self, limit):
        self.parts = []
        self.size = 0
        self.limit = limit

    def add(self, text):
        self.parts.append(text)
        self.size += len(text)
        if self.size > self.limit:
            raise TooLarge()

    def room(self):
        return self.limit - self.size

    def text(self):
        return "".join(self.parts)


RETURNED = "the returned value"


def _exact_int(value):
    """An int (not a bool) as a plain int, or None. type() and int.__int__ run no user code, where
    isinstance could read a forged __class__ and an int subclass may override its comparisons."""
    kind = type(value)
    if kind is int:
        return value
    if issubclass(kind, int) and not issubclass(kind, bool):
        return int.__int__(value)
    return None


def _article(word):
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def describe(value):
    if value is None:
        return "None"
    kind = type(value)
    if issubclass(kind, bool):
        return "a bool"
    number = _exact_int(value)
    if number is not None:
        if number.bit_length() > 128:
            # repr of a huge int is slow, and refused past 4300 digits.
            return "an int of about " + str(int(number.bit_length() * 0.30103) + 1) + " digits"
        return "the number " + int.__repr__(number)
    if issubclass(kind, float):
        return "the number " + float.__repr__(value)
    return _article(kind.__name__)


def _mismatch(value, expected):
    described = describe(value)
    return BadReturn(lambda path: path + " is " + described + ", expected " + expected)


def _structure(path, noun):
    # "the returned list" for the whole value, its place otherwise ("the returned value[1]").
    return "the returned " + noun if path == RETURNED else path


def _encode_int(value, out):
    number = _exact_int(value)
    if number is None or not INT_MIN <= number <= INT_MAX:
        raise _mismatch(value, "int")
    out.add(int.__repr__(number))


def _encode_long(value, out):
    number = _exact_int(value)
    if number is None or not LONG_MIN <= number <= LONG_MAX:
        raise _mismatch(value, "long")
    out.add(int.__repr__(number))


def _encode_double(value, out):
    kind = type(value)
    number = None
    if issubclass(kind, float):
        number = float.__float__(value)
    elif issubclass(kind, int) and not issubclass(kind, bool):
        try:
            number = float(_exact_int(value))
        except OverflowError:
            pass
    if number is None or not math.isfinite(number):
        raise _mismatch(value, "double")
    out.add(float.__repr__(number))


def _encode_boolean(value, out):
    if value is True:
        out.add("true")
    elif value is False:
        out.add("false")
    else:
        raise _mismatch(value, "boolean")


def _encode_string(value, out):
    if not issubclass(type(value), str):
        raise _mismatch(value, "string")
    out.add(_dumps(str.__str__(value)))


def _encode_bigint(value, out):
    number = _exact_int(value)
    if number is None:
        raise _mismatch(value, "bigint (an int)")
    if not -_BIGINT_BOUND < number < _BIGINT_BOUND:
        raise BadReturn(lambda path: path + " is an int of more than " + str(MAX_BIGINT_DIGITS)
                        + " digits, the most a bigint may have")
    # str of an int is canonical already: no leading zeros, and 0 for -0.
    out.add('"' + int.__repr__(number) + '"')


def _checked_val(val):
    """A node's val as a plain int, or None when it is not an int in range."""
    if type(val) is int:
        return val if INT_MIN <= val <= INT_MAX else None
    number = _exact_int(val)
    return number if number is not None and INT_MIN <= number <= INT_MAX else None


def _encode_list(head, out):
    if head is None:
        out.add("[]")
        return
    positions = {}  # id(node) -> its position, from 1
    nodes = []  # keeps every node alive, so no id is reused during the walk
    values = []
    # Each node writes at least two characters: past this many, the value is too large anyway.
    most = out.room() // 2 + 1
    node, position = head, 1
    while True:
        earlier = positions.get(id(node))
        if earlier is not None:
            back = ("has a cycle: node " + str(position - 1) + " links back to node " + str(earlier)
                    + " (value " + str(values[earlier - 1]) + ")")
            raise BadReturn(lambda path: _structure(path, "list") + " " + back)
        if position > most:
            raise TooLarge()
        # Each field is read once: reading may run user code (a property).
        val = getattr(node, "val", _MISSING)
        following = _MISSING if val is _MISSING else getattr(node, "next", _MISSING)
        if following is _MISSING:
            if position == 1:
                raise _mismatch(head, "ListNode (an object with val and next) or None")
            at, described = position - 1, describe(node)
            raise BadReturn(lambda path: _structure(path, "list") + ": the next of node " + str(at)
                            + " is " + described + ", expected a ListNode or None")
        positions[id(node)] = position
        nodes.append(node)
        number = _checked_val(val)
        if number is None:
            at, described = position, describe(val)
            raise BadReturn(lambda path: _structure(path, "list") + ": the val of node " + str(at)
                            + " is " + described + ", expected int")
        values.append(number)
        if following is None:
            break
        node, position = following, position + 1
    out.add("[" + ",".join(map(int.__repr__, values)) + "]")


def _encode_tree(root, out):
    if root is None:
        out.add("[]")
        return
    # Breadth first, so a node's place in the queue is its index in the level-order array. The
    # queue also keeps every node alive, so no id in `seen` is reused during the walk.
    seen = {}  # id(node) -> its val
    queue = [root]
    parts = []
    holes = 0  # nulls not written yet: trailing ones are dropped
    most = out.room() // 2 + 1
    at = 0
    while at < len(queue):
        node = queue[at]
        if node is None:
            holes += 1
            at += 1
            continue
        earlier = seen.get(id(node), _MISSING)
        if earlier is not _MISSING:
            raise BadReturn(lambda path: _structure(path, "tree") + " reaches a node twice (value "
                            + str(earlier) + "): a tree has one path to each node")
        if len(seen) >= most:
            raise TooLarge()
        val = getattr(node, "val", _MISSING)
        left = _MISSING if val is _MISSING else getattr(node, "left", _MISSING)
        right = _MISSING if left is _MISSING else getattr(node, "right", _MISSING)
        if right is _MISSING:
            if at == 0:
                raise _mismatch(root, "TreeNode (an object with val, left and right) or None")
            where, described = at, describe(node)
            raise BadReturn(lambda path: _structure(path, "tree") + ": the child at level order ["
                            + str(where) + "] is " + described + ", expected a TreeNode or None")
        number = _checked_val(val)
        if number is None:
            where, described = at, describe(val)
            raise BadReturn(lambda path: _structure(path, "tree") + ": the val of the node at level order ["
                            + str(where) + "] is " + described + ", expected int")
        seen[id(node)] = number
        if holes:
            parts.append("null," * holes)
            holes = 0
        parts.append(int.__repr__(number) + ",")
        queue.append(left)
        queue.append(right)
        at += 1
    out.add("[" + "".join(parts)[:-1] + "]")


def _flat(kind):
    """A one-pass encoder of a whole array of a plain scalar kind; None means: take the checking path."""
    if kind in ("int", "long"):
        low, high = (INT_MIN, INT_MAX) if kind == "int" else (LONG_MIN, LONG_MAX)

        def flat(values):
            if not all(type(item) is int for item in values) or min(values) < low or max(values) > high:
                return None
            return "[" + ",".join(map(int.__repr__, values)) + "]"
        return flat
    if kind == "double":
        def flat(values):
            if not all(type(item) is float for item in values) or not all(map(math.isfinite, values)):
                return None
            return "[" + ",".join(map(float.__repr__, values)) + "]"
        return flat
    if kind == "string":
        def flat(values):
            if not all(type(item) is str for item in values):
                return None
            return "[" + ",".join(map(_dumps, values)) + "]"
        return flat
    return None


def _array_encoder(type_):
    element = encoder(type_.element)
    flat = _flat(type_.element.kind)
    name = type_.name

    def encode_array(value, out):
        if not issubclass(type(value), (list, tuple)):
            raise _mismatch(value, name)
        if flat is not None and value:
            text = flat(value)
            if text is not None:
                out.add(text)
                return
        out.add("[")
        i = 0
        try:
            for i, item in enumerate(value):
                if i:
                    out.add(",")
                element(item, out)
        except BadReturn as error:
            error.place = "[" + str(i) + "]" + error.place
            raise
        out.add("]")
    return encode_array


def _quote(key):
    return _dumps(key if len(key) <= 30 else key[:30] + "...")


def _map_encoder(type_):
    element = encoder(type_.element)
    name = type_.name

    def encode_map(value, out):
        if not issubclass(type(value), dict):
            raise _mismatch(value, name + " (a dict)")
        # A copy of the items: encoding a value may run user code that changes the dict.
        items = list(dict.items(value))
        out.add("{")
        for i, (key, item) in enumerate(items):
            if not issubclass(type(key), str):
                described = describe(key)
                raise BadReturn(lambda path: path + " has a key that is " + described + ", expected str keys")
            key = str.__str__(key)
            out.add(("," if i else "") + _dumps(key) + ":")
            try:
                element(item, out)
            except BadReturn as error:
                error.place = "[" + _quote(key) + "]" + error.place
                raise
        out.add("}")
    return encode_map


def _nullable_encoder(type_):
    inner = encoder(type_.element)

    def encode_nullable(value, out):
        if value is None:
            out.add("null")
        else:
            inner(value, out)
    return encode_nullable


_SCALARS = {"int": _encode_int, "long": _encode_long, "double": _encode_double,
            "boolean": _encode_boolean, "string": _encode_string, "bigint": _encode_bigint,
            "list": _encode_list, "tree": _encode_tree}


def encoder(type_):
    """encode(value, out): checks value against the type and adds its JSON to out, or raises a
    BadReturn naming the first bad place (TooLarge past out's limit)."""
    if type_.kind in _SCALARS:
        return _SCALARS[type_.kind]
    if type_.kind == "array":
        return _array_encoder(type_)
    if type_.kind == "map":
        return _map_encoder(type_)
    return _nullable_encoder(type_)


# ---- Functions and design classes. ----

class Function:
    """A function's signature made ready: run(function, args, out) calls it and encodes its return."""

    def __init__(self, signature):
        self.decode = args_decoder(signature["params"])
        self.encode = encoder(parse(signature["returns"]))
        self.declares = "the signature declares " + signature["returns"]

    def run(self, function, args, out, check=None):
        value = function(*(args if self.decode is None else self.decode(args)))
        if check is not None:
            check()
        self.encode(value, out)


class Call:
    """One entry of a design: the constructor or a method, as ops names it (`op`) and as Python
    code declares it (`name`)."""

    def __init__(self, op, name, params, returns):
        self.op = op
        self.name = name
        self.params = params
        self.decode = args_decoder(params)
        # The constructor and void methods return null, whatever they returned.
        self.encode = None if returns is None or returns == "void" else encoder(parse(returns))
        self.declares = op + " declares " + (returns or "void")

    def shape(self):
        return self.name + "(" + ", ".join(["self"] + [p["name"] for p in self.params]) + ")"


class CallFailed(Exception):
    """Something went wrong in call `number` (from 1: the constructor) of a design test."""

    def __init__(self, number, call, error):
        super().__init__("call " + str(number))
        self.number = number
        self.call = call
        self.error = error


CALL_TEXT_MAX = 80


def call_text(op, args):
    """A call as code, as messages show it: countSince(301), at most 80 characters."""
    shown = [_dumps(arg, separators=(",", ":"), ensure_ascii=False) for arg in args]
    text = op + "(" + ", ".join(shown) + ")"
    return text if len(text) <= CALL_TEXT_MAX else text[:CALL_TEXT_MAX - 3] + "..."


def _count(params):
    if not params:
        return "no parameters"
    names = ", ".join(p["name"] for p in params)
    return str(len(params)) + (" parameter" if len(params) == 1 else " parameters") + " (" + names + ")"


def _declared(cls, name):
    """The attribute `name` as the class (or a base class) declares it, read from the classes'
    __dict__ so no descriptor runs; (attribute, the class declaring it) or (None, None)."""
    for klass in type.__dict__["__mro__"].__get__(cls):
        namespace = type.__dict__["__dict__"].__get__(klass)
        if name in namespace:
            return namespace[name], klass
    return None, None


_VARARGS = 0x04  # CO_VARARGS: the function takes *args


def _arity_problem(what, params, attribute):
    """Why `attribute` cannot be called with len(params) arguments, or None (also when it cannot
    be told: a callable that is not a plain function is given the benefit of the doubt)."""
    skip = 1  # self
    if isinstance(attribute, staticmethod):
        attribute, skip = attribute.__func__, 0
    elif isinstance(attribute, classmethod):
        attribute = attribute.__func__
    code = getattr(attribute, "__code__", None)
    if code is None or not hasattr(code, "co_argcount"):
        return None
    positional = code.co_argcount - skip
    if positional < 0:
        return what + " takes " + _count(params) + "; yours has no self parameter"
    optional = min(len(getattr(attribute, "__defaults__", None) or ()), positional)
    want = len(params)
    required_keywords = code.co_kwonlyargcount - len(getattr(attribute, "__kwdefaults__", None) or {})
    if required_keywords > 0:
        return what + " takes " + _count(params) + "; yours also has keyword-only parameters without a default"
    if positional - optional <= want and (want <= positional or code.co_flags & _VARARGS):
        return None
    yours = str(positional) if not optional else str(positional - optional) + " to " + str(positional)
    return what + " takes " + _count(params) + "; yours takes " + yours + " (not counting self)"


class Design:
    """A design signature made ready: its calls by the names ops uses, and what to check."""

    def __init__(self, signature):
        self.class_name = signature["className"]
        self.constructor = Call(self.class_name, "__init__", signature["constructor"]["params"], None)
        self.methods = [Call(m["call"], m["name"], m["params"], m["returns"]) for m in signature["methods"]]
        self.calls = {call.op: call for call in [self.constructor] + self.methods}

    def skeleton(self):
        shapes = ["def " + call.shape() + ":" for call in [self.constructor] + self.methods]
        return "class " + self.class_name + ": with " + ", ".join(shapes)

    def problems(self, cls):
        """What is wrong with the user's class, as messages (empty: nothing)."""
        if cls is None:
            return ["Define a top-level class " + self.class_name + ": " + self.skeleton()]
        if not issubclass(type(cls), type):
            return [self.class_name + " is not a class: declare " + self.skeleton()]
        problems = []
        init, owner = _declared(cls, "__init__")
        if owner is object:
            # object's own __init__ takes no arguments, unless the class makes its instances in a
            # __new__ of its own (not checked further: rare in a design class).
            if self.constructor.params and _declared(cls, "__new__")[1] is object:
                problems.append(self.class_name + " has no __init__: declare def " + self.constructor.shape()
                                + ": (the constructor takes " + _count(self.constructor.params) + ")")
        else:
            problem = _arity_problem(self.class_name + ".__init__", self.constructor.params, init)
            if problem is not None:
                problems.append(problem)
        for method in self.methods:
            attribute, _ = _declared(cls, method.name)
            if attribute is None or not (callable(attribute) or isinstance(attribute, (staticmethod, classmethod))):
                problems.append("class " + self.class_name + " has no method " + method.name
                                + (" (" + method.op + " in the problem)" if method.op != method.name else "")
                                + ": declare def " + method.shape() + ":")
                continue
            problem = _arity_problem(self.class_name + "." + method.name, method.params, attribute)
            if problem is not None:
                problems.append(problem)
        return problems

    def run(self, cls, ops, call_args, out, check=None):
        """A new instance (call 1), then the calls in order, their returns encoded into out as one
        array. Whatever goes wrong in a call is raised as a CallFailed naming it."""
        out.add("[")
        instance = None
        for k in range(len(ops)):
            call = self.calls[ops[k]]
            try:
                args = call_args[k] if call.decode is None else call.decode(call_args[k])
                value = None
                if k == 0:
                    instance = cls(*args)
                else:
                    value = getattr(instance, call.name)(*args)
                if check is not None:
                    check()
                if k:
                    out.add(",")
                if call.encode is None:
                    out.add("null")
                else:
                    call.encode(value, out)
            except BaseException as error:
                raise CallFailed(k + 1, call, error) from None
        out.add("]")


# ---- The harness's side: attempt(args, line) -> (result, value JSON or None), one call per test. ----
#
# harness.py owns the protocol; it hands over how to describe an exception (`describe`, with the
# user's frames) and how to check the output caps after a call (`check`, raising OutputLimitExceeded).

def _error(error, declares, limit, describe):
    # Exact types: a user exception cannot pass for one of the harness's own.
    if type(error) is BadReturn:
        return {"kind": "bad_return", "type": "WrongReturnType",
                "message": error.text(RETURNED) + " (" + declares + ")", "stack": ""}
    if type(error) is TooLarge:
        return {"kind": "result_too_large", "type": "ResultTooLarge",
                "message": "the returned value takes more than " + str(limit) + " bytes", "stack": ""}
    return describe(error)


def attempts(signature, namespace, limit, describe, check):
    """(attempt, None) for the user's function or class, or (None, messages) saying what to declare."""
    if signature.get("kind") == "class":
        return _design_attempts(signature, namespace, limit, describe, check)
    function = namespace.get(signature["function"])
    if not callable(function):
        return None, ["Define a top-level function: def " + signature["function"] + "("
                      + ", ".join(p["name"] for p in signature["params"]) + "):"]
    return _function_attempts(function, signature, limit, describe, check), None


def _function_attempts(function, signature, limit, describe, check):
    spec = Function(signature)

    def attempt(args, line):
        out = Output(limit)
        try:
            spec.run(function, args, out, check)
        except BaseException as error:
            return {"status": "error", "error": _error(error, spec.declares, limit, describe)}, None
        return {"status": "returned"}, out.text()
    return attempt


def _design_attempts(signature, namespace, limit, describe, check):
    design = Design(signature)
    cls = namespace.get(design.class_name)
    problems = design.problems(cls)
    if problems:
        return None, problems

    def attempt(args, line):
        out = Output(limit)
        try:
            design.run(cls, args[0], args[1], out, check)
        except CallFailed as failed:
            error = _error(failed.error, failed.call.declares, limit, describe)
            # The call's arguments as sent, read again from the line: user code may have changed
            # the lists it was given.
            sent = json.loads(line.decode("utf-8"))["args"][1][failed.number - 1]
            error["message"] = ("call " + str(failed.number) + ", " + call_text(failed.call.op, sent) + ": "
                                + error["message"])
            return {"status": "error", "error": error}, None
        except BaseException as error:
            return {"status": "error", "error": describe(error)}, None
        return {"status": "returned"}, out.text()
    return attempt, None
