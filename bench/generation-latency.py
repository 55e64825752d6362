#!/usr/bin/python3
"""Generation latency with a model, the model's own time left out: a fake OpenAI-compatible server
on loopback answers every chat completion at once with the good draft fixture (a distinct variant
each time, so the similarity check lets it through), and the server jar does the rest.

1. cold: pool size 0; each POST /api/generations is written live (one completion, then the draft
   proven by execution), timed from the POST until GET /api/generations/{id} is final. Goal: p95
   within 15 s.
2. warm: restarted with a pool of N per category and difficulty, refilled every --refill-every;
   once the first set the refiller fills (arrays-hashing, easy) holds N, N requests for that set are
   timed the same way. Goal: p95 within 1 s.

Each phase has its own fresh data directory (embedded PostgreSQL); bank validation at start is off.

    /usr/bin/python3 bench/generation-latency.py --jar target/improview-0.1.0-SNAPSHOT.jar \
        [--runs 5] [--warmup 1] [--phases cold,warm] [--refill-every 1s] [--generation-timeout 300]
"""

import argparse
import http.server
import json
import math
import os
import random
import re
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRAFT = os.path.join(ROOT, "src/test/resources/llm-fixtures/drafts/good.json")
MODEL = "fake-model"
# The first set PoolRefill fills: Category and Difficulty in declaration order.
CATEGORY, DIFFICULTY = "arrays-hashing", "easy"
COLD_GOAL_S, WARM_GOAL_S = 15.0, 1.0
# improview.generation.max-similarity's default; the variants stay well under it.
MAX_SIMILARITY = 0.6
SIMILARITY_MARGIN = 0.4

ORDINALS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
            "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
            "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "Xray", "Yankee", "Zulu"]


# --- the draft variants -------------------------------------------------------------------------

def trigrams(text):
    """Similarity.trigrams: lower-cased, runs of anything but letters and digits as one space."""
    normal = " " + re.sub(r"[\W_]+", " ", text.lower()).strip() + " "
    return {normal[i:i + 3] for i in range(len(normal) - 2)}


def jaccard(a, b):
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def variant(base, k):
    """The k-th draft: the same problem, solutions and tests, with its own title and a preamble of
    codes unique to it, long enough that no two variants (nor the original) are near-duplicates."""
    draft = dict(base)
    suffix = ORDINALS[k % len(ORDINALS)] + ("" if k < len(ORDINALS) else " %d" % (k // 26))
    draft["title"] = ("%s %s" % (base["title"], suffix))[:80]
    draft["slug"] = "%s-%s" % (base["slug"], suffix.lower().replace(" ", "-"))
    rng = random.Random(1000 + k)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))
             for _ in range(2 * len(base["statement"]) // 7)]
    draft["statement"] = ("Venue %s, turnstile calibration codes (they do not change the task): %s."
                          "\n\n%s" % (suffix, " ".join(words), base["statement"]))
    return draft


def check_variants(base, count):
    """The variants' pairwise similarity, as the server computes it, and the largest."""
    texts = [base] + [variant(base, k) for k in range(count)]
    grams = [trigrams(d["title"] + " " + d["statement"]) for d in texts]
    worst = max(jaccard(grams[i], grams[j])
                for i in range(len(grams)) for j in range(i + 1, len(grams)))
    if worst > SIMILARITY_MARGIN:
        sys.exit("draft variants too alike (%.2f > %.2f)" % (worst, SIMILARITY_MARGIN))
    return worst


# --- the fake model -----------------------------------------------------------------------------

class FakeModel:
    """POST /v1/chat/completions answers the next variant at once; anything else is 404."""

    def __init__(self, base):
        self.base = base
        self.lock = threading.Lock()
        self.requests = 0
        self.formats = []
        self.strays = []
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.split("?")[0] != "/v1/chat/completions":
                    return self.not_found()
                try:
                    asked = json.loads(body)
                except ValueError:
                    asked = {}
                with fake.lock:
                    k = fake.requests
                    fake.requests += 1
                    fake.formats.append((asked.get("response_format") or {}).get("type"))
                reply = json.dumps({
                    "id": "chatcmpl-bench-%d" % k,
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": MODEL,
                    "choices": [{
                        "index": 0,
                        "message": {"role": "assistant", "refusal": None,
                                    "content": json.dumps(variant(fake.base, k), indent=1)},
                        "finish_reason": "stop",
                    }],
                    "usage": {"prompt_tokens": 5200, "completion_tokens": 4100,
                              "total_tokens": 9300},
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def do_GET(self):
                self.not_found()

            def not_found(self):
                with fake.lock:
                    fake.strays.append("%s %s" % (self.command, self.path))
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self):
        return self.server.server_address[1]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# --- the server ---------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, jar, fake_port, extra_env, health_timeout):
        self.data = tempfile.mkdtemp(prefix="generation-latency-")
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.log_path = os.path.join(self.data, "server.log")
        env = dict(os.environ)
        env.update({
            "IMPROVIEW_DATA_DIR": self.data,
            "IMPROVIEW_PROBLEMS_VALIDATION_VALIDATEBANKONSTART": "false",
            "IMPROVIEW_LLM_PROVIDER": "openai-compatible",
            "IMPROVIEW_LLM_BASE_URL": "http://127.0.0.1:%d/v1" % fake_port,
            "IMPROVIEW_LLM_MODEL": MODEL,
            "IMPROVIEW_GENERATION_DAILY_QUOTA": "1000",
            "IMPROVIEW_GENERATION_DAILY_BUDGET_USD": "1000",
        })
        env.update(extra_env)
        java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") \
            if os.environ.get("JAVA_HOME") else "java"
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [java, "-jar", os.path.abspath(jar), "--server.port=%d" % self.port],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        started = time.monotonic()
        while True:
            if self.process.poll() is not None:
                self.fail("the server exited with %d before it was healthy" % self.process.returncode)
            try:
                with urllib.request.urlopen(self.url + "/actuator/health", timeout=5) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() - started > health_timeout:
                self.fail("the server was not healthy within %d s" % health_timeout)
            time.sleep(0.25)
        self.startup = time.monotonic() - started

    def log_text(self):
        self.log.flush()
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def fail(self, why):
        tail = self.log_text()[-4000:]
        self.stop()
        sys.exit("%s\n--- server log (tail) ---\n%s" % (why, tail))

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


def generate(server, timeout, poll=0.05):
    """One generation, POST until final; its seconds, and the final view."""
    started = time.monotonic()
    status, body = server.call("POST", "/api/generations",
                               {"category": CATEGORY, "difficulty": DIFFICULTY})
    if status != 202:
        server.fail("POST /api/generations answered %s: %s" % (status, body))
    while True:
        status, view = server.call("GET", "/api/generations/" + body["id"])
        if status != 200:
            server.fail("GET /api/generations/%s answered %s: %s" % (body["id"], status, view))
        if view["state"] in ("ready", "failed"):
            return time.monotonic() - started, view
        if time.monotonic() - started > timeout:
            server.fail("generation %s not final within %d s: %s"
                        % (body["id"], timeout, json.dumps(view)[-2000:]))
        time.sleep(poll)


# --- figures ------------------------------------------------------------------------------------

def p95(values):
    """Nearest rank: with fewer than 20 values this is the largest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary(name, times, goal_name, goal, ok):
    line = "%-5s n=%d  p50 %7.2f s  p95 %7.2f s  max %7.2f s   goal p95 <= %s s: %s" % (
        name, len(times), statistics.median(times), p95(times), max(times), goal_name,
        "met" if p95(times) <= goal else "NOT met")
    if ok < len(times):
        line += "   (%d of %d ready)" % (ok, len(times))
    return line


def seconds_between(a, b):
    def parse(t):
        # 2026-12-03T13:41:02.123456Z: to the microsecond is enough.
        t = t.rstrip("Z")
        whole, _, fraction = t.partition(".")
        return time.mktime(time.strptime(whole, "%Y-%m-%dT%H:%M:%S")) + float("0." + (fraction or "0"))
    return parse(b) - parse(a)


def step_breakdown(views):
    """For each step, the median over the generations of the seconds it took: from the step before
    it to it, the three reference steps added up as one."""
    totals = []
    order = []
    for view in views:
        spent = {}
        events = view["events"]
        for before, event in zip(events, events[1:]):
            if event["step"] not in order:
                order.append(event["step"])
            spent[event["step"]] = spent.get(event["step"], 0) + seconds_between(before["at"],
                                                                                  event["at"])
        totals.append(spent)
    return "  ".join("%s %.1f" % (step, statistics.median(t.get(step, 0) for t in totals))
                     for step in order)


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# --- phases -------------------------------------------------------------------------------------

def cold(options, fake):
    server = Server(options.jar, fake.port, {"IMPROVIEW_GENERATION_POOL_SIZE": "0"},
                    options.health_timeout)
    try:
        print("cold: server healthy in %.1f s; %d live generations (%s, %s), one at a time"
              % (server.startup, options.runs, CATEGORY, DIFFICULTY), flush=True)
        for i in range(options.warmup):
            seconds, view = generate(server, options.generation_timeout)
            print("  warm-up %d  %6.2f s  %s (not counted: the JVM compiles on the first)"
                  % (i + 1, seconds, view["state"]), flush=True)
        asked = fake.requests
        times, views = [], []
        for i in range(options.runs):
            seconds, view = generate(server, options.generation_timeout)
            times.append(seconds)
            views.append(view)
            print("  %d  %6.2f s  %s  %s" % (i + 1, seconds, view["state"],
                                             view["events"][-1]["message"]), flush=True)
        ok = sum(v["state"] == "ready" for v in views)
        print("  model calls: %d\n  median s per step: %s"
              % (fake.requests - asked, step_breakdown(views)))
        return summary("cold", times, "%.0f" % COLD_GOAL_S, COLD_GOAL_S, ok)
    finally:
        server.stop()


def warm(options, fake):
    server = Server(options.jar, fake.port, {
        "IMPROVIEW_GENERATION_POOL_SIZE": str(options.runs),
        "IMPROVIEW_GENERATION_POOL_REFILL_EVERY": options.refill_every,
    }, options.health_timeout)
    try:
        print("warm: server healthy in %.1f s; waiting for the pool of %s %s to hold %d"
              % (server.startup, CATEGORY, DIFFICULTY, options.runs), flush=True)
        # The refiller fills the first set short of its pool, one problem per pass, so the first
        # N problems it writes are this set's. It logs each one it writes.
        written = re.compile(r"generation: \S+ written by ")
        started = time.monotonic()
        asked = fake.requests
        while len(written.findall(server.log_text())) < options.runs:
            if time.monotonic() - started > options.generation_timeout * options.runs:
                server.fail("the pool did not fill within %d s"
                            % (options.generation_timeout * options.runs))
            if server.process.poll() is not None:
                server.fail("the server exited while the pool filled")
            time.sleep(0.5)
        print("  filled in %.0f s (%d model calls); %d requests, one at a time, while the refiller"
              " goes on with the other sets" % (time.monotonic() - started, fake.requests - asked,
                                                 options.runs), flush=True)
        times, views = [], []
        for i in range(options.runs):
            seconds, view = generate(server, options.generation_timeout, poll=0.01)
            times.append(seconds)
            views.append(view)
            print("  %d  %6.3f s  %s  %s" % (i + 1, seconds, view["state"],
                                             view["events"][-1]["message"]), flush=True)
        ok = sum(v["state"] == "ready" and v["events"][-1]["message"].startswith(
            "Ready: proven earlier") for v in views)
        return summary("warm", times, "%.0f" % WARM_GOAL_S, WARM_GOAL_S, ok)
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True, help="the server jar (mvn package)")
    parser.add_argument("--runs", type=int, default=5, help="generations per phase (default 5)")
    parser.add_argument("--warmup", type=int, default=1,
                        help="cold generations first, not counted (default 1)")
    parser.add_argument("--phases", default="cold,warm")
    parser.add_argument("--refill-every", default="1s", help="pool refill period, warm phase")
    parser.add_argument("--generation-timeout", type=int, default=300,
                        help="seconds one generation may take before the bench gives up")
    parser.add_argument("--health-timeout", type=int, default=180)
    options = parser.parse_args()
    with open(DRAFT) as f:
        base = json.load(f)
    worst = check_variants(base, 3 * options.runs + options.warmup + 20)
    fake = FakeModel(base)
    print("generation latency, fake model at 127.0.0.1:%d answering at once (draft variants at most"
          " %.2f alike, the server refuses above %.2f)" % (fake.port, worst, MAX_SIMILARITY))
    print("load average at start: %s" % load(), flush=True)
    lines = []
    try:
        for phase in options.phases.split(","):
            lines.append({"cold": cold, "warm": warm}[phase.strip()](options, fake))
    finally:
        fake.close()
    print("load average at end: %s" % load())
    formats = sorted(set(fake.formats))
    print("model calls in all: %d, response_format %s%s"
          % (fake.requests, formats, "; other requests: %s" % fake.strays if fake.strays else ""))
    for line in lines:
        print(line)


main()
