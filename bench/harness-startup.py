#!/usr/bin/python3
"""Harness start-up cost, before and after a change: CPU time of one whole harness process
(start, warm-up, a plain two-sum job of 3 tests, exit) for each language, at a baseline revision
and at the working tree, alternating runs so both see the same machine. Prints medians and the
ratio after/before. Outside the sandbox: it measures the harness, not the isolation.

    /usr/bin/python3 bench/harness-startup.py [--base REV] [--runs N] [--languages js,py,java]
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile

HARNESS = "src/main/resources/harness"
HARNESS_FILES = "src/main/java/dev/improview/execution/internal/harness/HarnessFiles.java"

JOB = {
    "nonce": "0123456789abcdef0123456789abcdef",
    "signature": {
        "function": "twoSum",
        "params": [{"name": "nums", "type": "int[]"}, {"name": "target", "type": "int"}],
        "returns": "int[]",
    },
    "limits": {"outputBytesPerStream": 65536, "resultBytes": 1048576,
               "stackBytes": 33554432, "recursionLimit": 100000},
}
CODE = {
    "javascript": "function twoSum(nums, target) {\n  const seen = new Map();\n"
                  "  for (let i = 0; i < nums.length; i++) {\n"
                  "    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n"
                  "    seen.set(nums[i], i);\n  }\n  return [];\n}\n",
    "python": "def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n"
              "        if target - n in seen:\n            return [seen[target - n], i]\n"
              "        seen[n] = i\n    return []\n",
    "java": "import java.util.*;\nclass Solution {\n  public int[] twoSum(int[] nums, int target) {\n"
            "    Map<Integer, Integer> seen = new HashMap<>();\n"
            "    for (int i = 0; i < nums.length; i++) {\n"
            "      Integer j = seen.get(target - nums[i]);\n"
            "      if (j != null) return new int[] {j, i};\n      seen.put(nums[i], i);\n    }\n"
            "    return new int[0];\n  }\n}\n",
}
TESTS = [[[2, 7, 11, 15], 9], [[3, 2, 4], 6], [[3, 3], 6]]


def job_lines(language):
    header = dict(JOB, language=language, code=CODE[language], tests=len(TESTS))
    if language == "python":
        header["signature"] = dict(header["signature"], function="two_sum")
    lines = [json.dumps(header)] + [json.dumps({"args": args}) for args in TESTS]
    return ("\n".join(lines) + "\n").encode()


def checkout(rev, into):
    """The harness directory at `rev` (None: the working tree), with Java compiled."""
    os.makedirs(into)
    if rev is None:
        for name in os.listdir(HARNESS):
            shutil.copy(os.path.join(HARNESS, name), into)
    else:
        names = subprocess.run(["git", "ls-tree", "--name-only", rev, HARNESS + "/"],
                               check=True, capture_output=True, text=True).stdout.split()
        for path in names:
            data = subprocess.run(["git", "show", rev + ":" + path], check=True,
                                  capture_output=True).stdout
            with open(os.path.join(into, os.path.basename(path)), "wb") as out:
                out.write(data)
    # The harness's own Java sources go into its class path; the node classes are the user's.
    sources = [os.path.join(into, n) for n in os.listdir(into)
               if n.endswith(".java") and n not in ("ListNode.java", "TreeNode.java")]
    # Compiled beside the sources, as in the harness directory: the Java harness reads the node
    # classes from the directory of its class path.
    subprocess.run(["javac", "-d", into] + sources, check=True)
    # Python as the server at that revision starts it: the bytecode it compiles, if it does.
    if rev is None:
        with open(HARNESS_FILES) as java:
            precompiled = "harness.pyc" in java.read()
    else:
        precompiled = "harness.pyc" in subprocess.run(
            ["git", "show", rev + ":" + HARNESS_FILES], check=True, capture_output=True,
            text=True).stdout
    if precompiled:
        subprocess.run(["/usr/bin/python3", "-I", "-S", "-c",
                        "import py_compile, sys; py_compile.compile(sys.argv[1], sys.argv[2],"
                        " '/harness/harness.py', doraise=True)",
                        os.path.join(into, "harness.py"), os.path.join(into, "harness.pyc")],
                       check=True)
    return into


def command(language, harness):
    if language == "javascript":
        return ["node", "--stack-size=3800", os.path.join(harness, "harness.js")]
    if language == "python":
        script = "harness.pyc" if os.path.exists(os.path.join(harness, "harness.pyc")) else "harness.py"
        return ["/usr/bin/python3", "-I", "-S", "-B", os.path.join(harness, script), "33554432"]
    return ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:-UsePerfData", "-Xlog:disable", "-cp", harness, "Harness"]


def cpu_of_one_run(language, harness):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command(language, harness), input=job_lines(language),
                            capture_output=True, cwd=tempfile.gettempdir())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = result.stdout.decode()
    if out.count('"type": "result"') + out.count('"type":"result"') != len(TESTS):
        sys.exit(language + " harness did not answer every test:\n" + out[-2000:]
                 + result.stderr.decode()[-2000:])
    return ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="HEAD", help="baseline revision (default HEAD)")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--languages", default="javascript,python,java")
    options = parser.parse_args()
    work = tempfile.mkdtemp(prefix="harness-startup-")
    try:
        base = checkout(options.base, os.path.join(work, "base"))
        head = checkout(None, os.path.join(work, "head"))
        print("harness start-up CPU per run (ms), median of %d, base %s vs the working tree"
              % (options.runs, options.base))
        for language in options.languages.split(","):
            language = {"js": "javascript", "py": "python"}.get(language, language)
            cpu_of_one_run(language, base)  # caches warm
            cpu_of_one_run(language, head)
            times = {"base": [], "head": []}
            for _ in range(options.runs):
                times["base"].append(cpu_of_one_run(language, base))
                times["head"].append(cpu_of_one_run(language, head))
            b, h = statistics.median(times["base"]), statistics.median(times["head"])
            print("  %-10s base %7.1f  now %7.1f  ratio %.3f" % (language, b, h, h / b))
    finally:
        shutil.rmtree(work, ignore_errors=True)


main()
