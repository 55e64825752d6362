package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Hostile programs in every language, run through the real engine and the real sandbox. Each must
 * end within its limit plus a second with the right verdict, leave no process behind, and leave the
 * engine able to run a correct solution right after. A case that returns "blocked" or "alive"
 * proves the attack was stopped from inside: the verdict is then PASSED against that expectation.
 */
class HostileProgramsTest {

  // The defaults (2 s CPU per test, 10 s wall, 256 MiB, 64 pids, 64 KiB per stream): they
  // keep the engine's pre-started processes usable, and leave room for a machine shared with
  // builds.
  private static final RunLimits LIMITS = RunLimits.defaults();
  private static final Duration WALL = LIMITS.wallPerRun();
  private static final Duration SLACK = Duration.ofSeconds(1);
  private static final Signature SIGNATURE =
      new Signature(
          "solve", List.of(new Parameter("n", ValueType.parse("int"))), ValueType.parse("string"));
  private static final Set<String> SANDBOX_ENV =
      Set.of("PATH", "HOME", "LANG", "TMPDIR", "PWD", "LC_CTYPE", "_");

  private static ProcessSandbox sandbox;
  private static HarnessFiles harness;
  private static ExecutionEngine engine;
  private static ServerSocket hostPort;

  @BeforeAll
  static void start() throws IOException {
    sandbox = ProcessSandbox.create(SandboxProperties.defaults().withMode("strict"));
    ExecutionProperties properties = ExecutionProperties.defaults();
    harness = new HarnessFiles(properties);
    engine = new ExecutionEngine(sandbox, harness, properties);
    hostPort = new ServerSocket(0);
  }

  @AfterAll
  static void stop() throws IOException {
    hostPort.close();
    engine.close();
    harness.close();
    sandbox.close();
  }

  /** One attack in one language and what a contained outcome looks like. */
  record Hostile(
      String name,
      Language language,
      String code,
      String expected,
      Set<Verdict> verdicts,
      Consumer<TestReport> check) {

    Hostile(String name, Language language, String code, String expected, Set<Verdict> verdicts) {
      this(name, language, code, expected, verdicts, report -> {});
    }
  }

  @TestFactory
  Stream<DynamicTest> hostileProgramsAreContained() {
    return cases().stream()
        .map(
            hostile ->
                DynamicTest.dynamicTest(
                    hostile.language().id() + ": " + hostile.name(), () -> runContained(hostile)));
  }

  private void runContained(Hostile hostile) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    JsonNode args = nodes.arrayNode().add(hostPort.getLocalPort());
    JsonNode expected = hostile.expected() == null ? null : nodes.stringNode(hostile.expected());
    ExecutionRequest request =
        new ExecutionRequest(
            hostile.language(), hostile.code(), SIGNATURE, List.of(new TestCase(args)), LIMITS);

    long start = System.nanoTime();
    ExecutionReport report = engine.run(request);
    long elapsed = (System.nanoTime() - start) / 1_000_000;

    TestReport test = report.tests().get(0);
    String context = hostile.name() + " -> " + test;
    assertThat(judged(test, expected)).as(context).isIn(hostile.verdicts());
    assertThat(elapsed).as(context).isLessThanOrEqualTo(WALL.plus(SLACK).toMillis());
    if (test.verdict() == Verdict.TIME_LIMIT_EXCEEDED) {
      assertThat(test.timeMillis()).as(context).isLessThanOrEqualTo(WALL.plus(SLACK).toMillis());
    }
    hostile.check().accept(test);
    assertNoProcessWithMarker();
    assertEngineStillWorks(hostile.language());
  }

  // The engine reports what was returned; these attacks are judged against their expectation here.
  private static Verdict judged(TestReport test, JsonNode expected) {
    if (test.verdict() != Verdict.COMPLETED || expected == null) {
      return test.verdict();
    }
    return expected.equals(test.actual()) ? Verdict.PASSED : Verdict.WRONG_ANSWER;
  }

  private static void assertEngineStillWorks(Language language) {
    String code =
        switch (language) {
          case JAVASCRIPT -> "function solve(n) { return 'ok' + n; }";
          case PYTHON -> "def solve(n):\n    return 'ok' + str(n)\n";
          case JAVA -> "class Solution { public String solve(int n) { return \"ok\" + n; } }";
        };
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ExecutionReport report =
        engine.run(
            new ExecutionRequest(
                language,
                code,
                SIGNATURE,
                List.of(new TestCase(nodes.arrayNode().add(7))),
                RunLimits.defaults()));
    assertThat(report.verdict())
        .as("a correct run right after: " + report)
        .isEqualTo(Verdict.COMPLETED);
    assertThat(report.tests().get(0).actual().asString()).isEqualTo("ok7");
  }

  private static final String MARKER = "3600." + Math.abs(ThreadLocalRandom.current().nextLong());

  /**
   * Daemons are started as `sleep MARKER`; none may survive its run. The run's answer comes once
   * they are sent SIGKILL; the kernel takes a moment more to tear them down.
   */
  private static void assertNoProcessWithMarker() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    List<String> survivors = survivors();
    while (!survivors.isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
      survivors = survivors();
    }
    assertThat(survivors).as("processes left behind").isEmpty();
  }

  private static List<String> survivors() throws IOException {
    List<String> survivors = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline =
              new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
          String stat = Files.readString(proc.resolve("stat"));
          char state = stat.charAt(stat.lastIndexOf(')') + 2);
          if (cmdline.contains(MARKER) && state != 'Z') {
            survivors.add(proc + " " + cmdline.replace('\0', ' '));
          }
        } catch (IOException e) {
          // The process ended while we looked.
        }
      }
    }
    return survivors;
  }

  private static Consumer<TestReport> noHostSecrets() {
    return test -> {
      String seen = test.actual() == null ? "" : test.actual().asString();
      assertThat(seen).as("the program's view of environments").contains("PATH=");
      for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
        if (!SANDBOX_ENV.contains(variable.getKey()) && variable.getValue().length() > 2) {
          assertThat(seen).doesNotContain(variable.getKey() + "=" + variable.getValue());
        }
      }
    };
  }

  private static Consumer<TestReport> shellIsUnprivileged() {
    return test -> {
      String seen = test.actual() == null ? "" : test.actual().asString();
      assertThat(seen).contains("65534").doesNotContain("root:");
    };
  }

  private static final Set<Verdict> PASSED = Set.of(Verdict.PASSED);
  private static final Set<Verdict> RUNTIME_ERROR = Set.of(Verdict.RUNTIME_ERROR);
  private static final Set<Verdict> TLE = Set.of(Verdict.TIME_LIMIT_EXCEEDED);
  private static final Set<Verdict> MLE = Set.of(Verdict.MEMORY_LIMIT_EXCEEDED);
  private static final Set<Verdict> OLE = Set.of(Verdict.OUTPUT_LIMIT_EXCEEDED);
  // A fork bomb spins on failed forks until its time runs out, dies of the failures, or (node
  // children are large) fills the run's memory first.
  private static final Set<Verdict> FORK_BOMB =
      Set.of(Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR, Verdict.MEMORY_LIMIT_EXCEEDED);
  private static final Set<Verdict> COMPLETED = Set.of(Verdict.COMPLETED);

  private static List<Hostile> cases() {
    List<Hostile> cases = new ArrayList<>();
    cases.addAll(javascript());
    cases.addAll(python());
    cases.addAll(java());
    return cases;
  }

  private static final String JS_REQUIRE =
      "const req = globalThis.require || process.mainModule.require;\n";

  private static List<Hostile> javascript() {
    Language js = Language.JAVASCRIPT;
    return List.of(
        new Hostile(
            "fork bomb",
            js,
            JS_REQUIRE
                + "function solve(n) { const cp = req('child_process');"
                + " for (;;) { try { cp.spawn('/usr/bin/node', ['-e', 'setInterval(() => {}, 1000)']); }"
                + " catch (e) {} } }",
            null,
            FORK_BOMB),
        new Hostile(
            "memory bomb",
            js,
            "function solve(n) { const a = []; for (;;) a.push(new Array(1e6).fill(n)); }",
            null,
            MLE),
        new Hostile("infinite loop", js, "function solve(n) { for (;;) {} }", null, TLE),
        new Hostile(
            "sleep forever",
            js,
            "function solve(n) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); }",
            null,
            TLE),
        new Hostile(
            "output flood",
            js,
            "function solve(n) { for (;;) console.log('x'.repeat(1000)); }",
            null,
            OLE),
        new Hostile(
            "output flood on the raw fd",
            js,
            JS_REQUIRE
                + "function solve(n) { const fs = req('fs'); const b = Buffer.alloc(65536, 120);"
                + " for (;;) fs.writeSync(1, b); }",
            null,
            OLE),
        new Hostile(
            "huge file",
            js,
            JS_REQUIRE
                + "function solve(n) { const fs = req('fs'); const b = Buffer.alloc(1 << 20);"
                + " const fd = fs.openSync('/tmp/huge', 'w');"
                + " for (let i = 0; i < 1024; i++) fs.writeSync(fd, b); return 'written'; }",
            "blocked",
            RUNTIME_ERROR),
        new Hostile(
            "many files",
            js,
            JS_REQUIRE
                + "function solve(n) { const fs = req('fs'); const b = Buffer.alloc(1 << 20);"
                + " for (let i = 0; i < 4096; i++) fs.writeFileSync('/tmp/f' + i, b);"
                + " return 'written'; }",
            "blocked",
            RUNTIME_ERROR),
        new Hostile(
            "reading /etc/shadow",
            js,
            JS_REQUIRE
                + "function solve(n) { try { return req('fs').readFileSync('/etc/shadow', 'utf8'); }"
                + " catch (e) { return 'blocked'; } }",
            "blocked",
            PASSED),
        new Hostile(
            "reading /proc/1/environ and its own environment",
            js,
            JS_REQUIRE
                + "function solve(n) { const fs = req('fs'); let out = '';"
                + " for (const [k, v] of Object.entries(process.env)) out += k + '=' + v + '\\n';"
                + " try { out += fs.readFileSync('/proc/1/environ', 'utf8').split('\\0').join('\\n'); }"
                + " catch (e) { out += 'environ blocked'; } return out; }",
            null,
            COMPLETED,
            noHostSecrets()),
        new Hostile(
            "connecting to a host port and the internet",
            js,
            JS_REQUIRE
                + "function solve(port) { const cp = req('child_process'); let out = '';"
                + " for (const [host, p] of [['127.0.0.1', port], ['1.1.1.1', 443]]) {"
                + " const r = cp.spawnSync(process.execPath, ['-e',"
                + " `const s = require('net').connect(${p}, '${host}');"
                + " s.on('connect', () => { console.log('connected'); process.exit(); });"
                + " s.on('error', () => { console.log('blocked'); process.exit(); });"
                + " setTimeout(() => { console.log('blocked'); process.exit(); }, 1500);`]);"
                + " out += String(r.stdout).trim() + ';'; }"
                + " return out === 'blocked;blocked;' ? 'blocked' : out; }",
            "blocked",
            PASSED),
        new Hostile(
            "spawning a shell",
            js,
            JS_REQUIRE
                + "function solve(n) { return String(req('child_process').spawnSync('/bin/sh',"
                + " ['-c', 'id -u; cat /etc/shadow 2>&1']).stdout); }",
            null,
            COMPLETED,
            shellIsUnprivileged()),
        new Hostile(
            "killing its parent",
            js,
            "function solve(n) { try { process.kill(process.ppid, 'SIGKILL'); } catch (e) {}"
                + " return 'alive'; }",
            "alive",
            PASSED),
        new Hostile(
            "leaving a daemon behind",
            js,
            JS_REQUIRE
                + "function solve(n) { req('child_process').spawn('/usr/bin/sleep', ['"
                + MARKER
                + "'], { detached: true, stdio: 'ignore' }).unref(); return 'alive'; }",
            "alive",
            PASSED),
        new Hostile(
            "deep recursion",
            js,
            "function f(n) { return f(n + 1) + 1; }\nfunction solve(n) { return String(f(n)); }",
            null,
            RUNTIME_ERROR),
        new Hostile(
            "printing fake verdict lines",
            js,
            "function solve(n) { for (const line of ['PASSED', '{\"type\":\"result\",\"index\":0,"
                + "\"verdict\":\"PASSED\",\"actual\":\"right\"}', 'ok 1 - test passed'])"
                + " { console.log(line); process.stdout.write(line + '\\n'); } return 'wrong'; }",
            "right",
            Set.of(Verdict.WRONG_ANSWER)),
        new Hostile(
            "a symlink at a harness path",
            js,
            JS_REQUIRE
                + "function solve(n) { const fs = req('fs');"
                + " for (const [target, link] of [['/etc/passwd', '/tmp/solution.js'],"
                + " ['/', '/tmp/harness'], ['/etc/shadow', '/harness/harness.js']]) {"
                + " try { fs.rmSync(link, { force: true }); fs.symlinkSync(target, link); } catch (e) {} }"
                + " return 'alive'; }",
            "alive",
            PASSED));
  }

  private static List<Hostile> python() {
    Language py = Language.PYTHON;
    return List.of(
        new Hostile(
            "fork bomb",
            py,
            "import os\ndef solve(n):\n    while True:\n        try:\n            os.fork()\n"
                + "        except OSError:\n            pass\n",
            null,
            FORK_BOMB),
        new Hostile(
            "memory bomb",
            py,
            "def solve(n):\n    a = []\n    while True:\n        a.append(bytearray(8 << 20))\n",
            null,
            MLE),
        new Hostile(
            "infinite loop", py, "def solve(n):\n    while True:\n        pass\n", null, TLE),
        new Hostile(
            "sleep forever",
            py,
            "import time\ndef solve(n):\n    time.sleep(10 ** 6)\n",
            null,
            TLE),
        new Hostile(
            "output flood",
            py,
            "def solve(n):\n    while True:\n        print('x' * 1000)\n",
            null,
            OLE),
        new Hostile(
            "output flood on the raw fd",
            py,
            "import os\ndef solve(n):\n    while True:\n        os.write(1, b'x' * 65536)\n",
            null,
            OLE),
        new Hostile(
            "huge file",
            py,
            "def solve(n):\n    with open('/tmp/huge', 'wb') as f:\n        for _ in range(1024):\n"
                + "            f.write(bytes(1 << 20))\n    return 'written'\n",
            "blocked",
            RUNTIME_ERROR),
        new Hostile(
            "many files",
            py,
            "def solve(n):\n    for i in range(4096):\n        with open('/tmp/f%d' % i, 'wb') as f:\n"
                + "            f.write(bytes(1 << 20))\n    return 'written'\n",
            "blocked",
            RUNTIME_ERROR),
        new Hostile(
            "reading /etc/shadow",
            py,
            "def solve(n):\n    try:\n        return open('/etc/shadow').read()\n"
                + "    except OSError:\n        return 'blocked'\n",
            "blocked",
            PASSED),
        new Hostile(
            "reading /proc/1/environ and its own environment",
            py,
            "import os\ndef solve(n):\n"
                + "    out = ''.join('%s=%s\\n' % kv for kv in os.environ.items())\n"
                + "    try:\n        out += open('/proc/1/environ').read().replace('\\0', '\\n')\n"
                + "    except OSError:\n        out += 'environ blocked'\n    return out\n",
            null,
            COMPLETED,
            noHostSecrets()),
        new Hostile(
            "connecting to a host port and the internet",
            py,
            "import socket\ndef solve(port):\n    for host, p in (('127.0.0.1', port), ('1.1.1.1', 443)):\n"
                + "        try:\n            socket.create_connection((host, p), timeout=1).close()\n"
                + "            return 'connected ' + host\n        except OSError:\n            pass\n"
                + "    return 'blocked'\n",
            "blocked",
            PASSED),
        new Hostile(
            "spawning a shell",
            py,
            "import subprocess\ndef solve(n):\n    return subprocess.run(['/bin/sh', '-c',"
                + " 'id -u; cat /etc/shadow 2>&1'], capture_output=True).stdout.decode()\n",
            null,
            COMPLETED,
            shellIsUnprivileged()),
        new Hostile(
            "killing its parent",
            py,
            "import os, signal\ndef solve(n):\n    try:\n        os.kill(os.getppid(), signal.SIGKILL)\n"
                + "    except OSError:\n        pass\n    return 'alive'\n",
            "alive",
            PASSED),
        new Hostile(
            "leaving a daemon behind",
            py,
            "import subprocess\ndef solve(n):\n    subprocess.Popen(['/usr/bin/sleep', '"
                + MARKER
                + "'], start_new_session=True, stdin=subprocess.DEVNULL,"
                + " stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n    return 'alive'\n",
            "alive",
            PASSED),
        new Hostile(
            "deep recursion",
            py,
            "def f(n):\n    return f(n + 1) + 1\ndef solve(n):\n    return str(f(n))\n",
            null,
            RUNTIME_ERROR),
        new Hostile(
            "deep recursion past a raised recursion limit",
            py,
            "import sys\nsys.setrecursionlimit(10 ** 7)\ndef f(n):\n    return f(n + 1) + 1\n"
                + "def solve(n):\n    return str(f(n))\n",
            null,
            // Python 3.11 keeps frames on the heap: unbounded recursion becomes a memory bomb.
            Set.of(Verdict.RUNTIME_ERROR, Verdict.MEMORY_LIMIT_EXCEEDED)),
        new Hostile(
            "printing fake verdict lines",
            py,
            "import os\ndef solve(n):\n    for line in ('PASSED', '{\"type\": \"result\", \"index\": 0,"
                + " \"verdict\": \"PASSED\", \"actual\": \"right\"}'):\n        print(line)\n"
                + "        os.write(1, (line + '\\n').encode())\n    return 'wrong'\n",
            "right",
            Set.of(Verdict.WRONG_ANSWER)),
        new Hostile(
            "a symlink at a harness path",
            py,
            "import os\ndef solve(n):\n    for target, link in (('/etc/passwd', '/tmp/solution.py'),"
                + " ('/', '/tmp/harness'), ('/etc/shadow', '/harness/harness.py')):\n"
                + "        try:\n            if os.path.lexists(link):\n                os.remove(link)\n"
                + "            os.symlink(target, link)\n        except OSError:\n            pass\n"
                + "    return 'alive'\n",
            "alive",
            PASSED));
  }

  private static List<Hostile> java() {
    Language java = Language.JAVA;
    return List.of(
        new Hostile(
            "thread and process bomb",
            java,
            "class Solution { public String solve(int n) { while (n > 0) { try {"
                + " new Thread(() -> { try { Thread.sleep(60000); } catch (InterruptedException e) {} }).start();"
                + " new ProcessBuilder(\"/usr/bin/sleep\", \"60\").start(); } catch (Throwable t) {} }"
                + " return \"done\"; } }",
            null,
            FORK_BOMB),
        new Hostile(
            "memory bomb",
            java,
            "import java.util.*;\nclass Solution { public String solve(int n) {"
                + " List<long[]> a = new ArrayList<>(); while (n > 0) a.add(new long[1 << 20]);"
                + " return \"done\"; } }",
            null,
            MLE),
        new Hostile(
            "infinite loop",
            java,
            "class Solution { public String solve(int n) { long x = 0; while (n > 0) { x++; }"
                + " return \"\" + x; } }",
            null,
            TLE),
        new Hostile(
            "sleep forever",
            java,
            "class Solution { public String solve(int n) throws Exception {"
                + " Thread.sleep(Long.MAX_VALUE); return \"\"; } }",
            null,
            TLE),
        new Hostile(
            "output flood",
            java,
            "class Solution { public String solve(int n) { while (n > 0) System.out.println(\"x\".repeat(1000));"
                + " return \"\"; } }",
            null,
            OLE),
        new Hostile(
            "huge file",
            java,
            "import java.io.*;\nclass Solution { public String solve(int n) throws IOException {"
                + " try (var out = new FileOutputStream(\"/tmp/huge\")) { byte[] b = new byte[1 << 20];"
                + " for (int i = 0; i < 1024; i++) out.write(b); } return \"written\"; } }",
            "blocked",
            RUNTIME_ERROR),
        new Hostile(
            "many files",
            java,
            "import java.nio.file.*;\nclass Solution { public String solve(int n) throws Exception {"
                + " byte[] b = new byte[1 << 20]; for (int i = 0; i < 4096; i++)"
                + " Files.write(Path.of(\"/tmp/f\" + i), b); return \"written\"; } }",
            "blocked",
            RUNTIME_ERROR),
        new Hostile(
            "reading /etc/shadow",
            java,
            "import java.nio.file.*;\nclass Solution { public String solve(int n) {"
                + " try { return Files.readString(Path.of(\"/etc/shadow\")); }"
                + " catch (Exception e) { return \"blocked\"; } } }",
            "blocked",
            PASSED),
        new Hostile(
            "reading /proc/1/environ and its own environment",
            java,
            "import java.nio.file.*;\nclass Solution { public String solve(int n) {"
                + " StringBuilder out = new StringBuilder();"
                + " System.getenv().forEach((k, v) -> out.append(k).append('=').append(v).append('\\n'));"
                + " try { out.append(Files.readString(Path.of(\"/proc/1/environ\")).replace('\\0', '\\n')); }"
                + " catch (Exception e) { out.append(\"environ blocked\"); } return out.toString(); } }",
            null,
            COMPLETED,
            noHostSecrets()),
        new Hostile(
            "connecting to a host port and the internet",
            java,
            "import java.net.*;\nclass Solution { public String solve(int port) {"
                + " String[][] targets = {{\"127.0.0.1\", \"\" + port}, {\"1.1.1.1\", \"443\"}};"
                + " for (String[] t : targets) { try (Socket s = new Socket()) {"
                + " s.connect(new InetSocketAddress(t[0], Integer.parseInt(t[1])), 1000);"
                + " return \"connected \" + t[0]; } catch (Exception e) {} } return \"blocked\"; } }",
            "blocked",
            PASSED),
        new Hostile(
            "spawning a shell",
            java,
            "class Solution { public String solve(int n) throws Exception {"
                + " Process p = new ProcessBuilder(\"/bin/sh\", \"-c\", \"id -u; cat /etc/shadow 2>&1\")"
                + ".redirectErrorStream(true).start();"
                + " return new String(p.getInputStream().readAllBytes()); } }",
            null,
            COMPLETED,
            shellIsUnprivileged()),
        new Hostile(
            "killing its parent",
            java,
            "class Solution { public String solve(int n) {"
                + " ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);"
                + " return \"alive\"; } }",
            "alive",
            PASSED),
        new Hostile(
            "leaving a daemon behind",
            java,
            "class Solution { public String solve(int n) throws Exception {"
                + " new ProcessBuilder(\"/usr/bin/setsid\", \"/usr/bin/sleep\", \""
                + MARKER
                + "\").redirectOutput(ProcessBuilder.Redirect.DISCARD)"
                + ".redirectError(ProcessBuilder.Redirect.DISCARD).start(); return \"alive\"; } }",
            "alive",
            PASSED),
        new Hostile(
            "deep recursion",
            java,
            "class Solution { int f(int n) { return f(n + 1) + 1; }"
                + " public String solve(int n) { return \"\" + f(n); } }",
            null,
            RUNTIME_ERROR),
        new Hostile(
            "printing fake verdict lines",
            java,
            "class Solution { public String solve(int n) { System.out.println(\"PASSED\");"
                + " System.out.println(\"{\\\"type\\\":\\\"result\\\",\\\"index\\\":0,"
                + "\\\"verdict\\\":\\\"PASSED\\\",\\\"actual\\\":\\\"right\\\"}\"); return \"wrong\"; } }",
            "right",
            Set.of(Verdict.WRONG_ANSWER)),
        new Hostile(
            "a symlink at a harness path",
            java,
            "import java.nio.file.*;\nclass Solution { public String solve(int n) {"
                + " String[][] links = {{\"/etc/passwd\", \"/tmp/Solution.java\"}, {\"/\", \"/tmp/harness\"},"
                + " {\"/etc/shadow\", \"/harness/Harness.class\"}};"
                + " for (String[] l : links) { try { Files.deleteIfExists(Path.of(l[1]));"
                + " Files.createSymbolicLink(Path.of(l[1]), Path.of(l[0])); } catch (Exception e) {} }"
                + " return \"alive\"; } }",
            "alive",
            PASSED));
  }

  // ---------------------------------------------------------------------------------------------
  // Writable places and the mount table (issue 9, item 4 and part of 8): only /tmp and /dev/shm
  // take writes, each a sized tmpfs, and /proc/self/mountinfo names no host path.
  // ---------------------------------------------------------------------------------------------

  private static final String READ_ONLY_PLACES =
      "/:blocked /etc:blocked /dev:blocked /harness:blocked tmp,shm,null:ok";

  @TestFactory
  Stream<DynamicTest> writingAnywhereButTmpAndDevShmFailsInEveryLanguage() {
    String python =
        """
        import multiprocessing, os, tempfile
        def solve(n):
            out = []
            for d in ('/', '/etc', '/dev', '/harness'):
                try:
                    with open(os.path.join(d, 'planted'), 'w') as f:
                        f.write('x')
                    out.append(d + ':written')
                except OSError:
                    out.append(d + ':blocked')
            for path in ('/tmp/kept', '/dev/shm/kept', '/dev/null'):
                with open(path, 'w') as f:
                    f.write('x')
            # Both use the writable places: tempfile /tmp, a multiprocessing lock /dev/shm.
            tempfile.TemporaryFile().close()
            multiprocessing.Lock()
            return ' '.join(out) + ' tmp,shm,null:ok'
        """;
    String javascript =
        JS_REQUIRE
            + "function solve(n) { const fs = req('fs'); const out = [];"
            + " for (const d of ['/', '/etc', '/dev', '/harness']) {"
            + " try { fs.writeFileSync((d === '/' ? '' : d) + '/planted', 'x'); out.push(d + ':written'); }"
            + " catch (e) { out.push(d + ':blocked'); } }"
            + " for (const p of ['/tmp/kept', '/dev/shm/kept', '/dev/null']) fs.writeFileSync(p, 'x');"
            + " return out.join(' ') + ' tmp,shm,null:ok'; }";
    String java =
        "import java.nio.file.*;\nimport java.util.*;\nclass Solution {"
            + " public String solve(int n) throws Exception { List<String> out = new ArrayList<>();"
            + " for (String d : new String[] {\"/\", \"/etc\", \"/dev\", \"/harness\"}) {"
            + " try { Files.writeString(Path.of(d, \"planted\"), \"x\"); out.add(d + \":written\"); }"
            + " catch (Exception e) { out.add(d + \":blocked\"); } }"
            + " for (String p : new String[] {\"/tmp/kept\", \"/dev/shm/kept\", \"/dev/null\"})"
            + " Files.writeString(Path.of(p), \"x\");"
            + " return String.join(\" \", out) + \" tmp,shm,null:ok\"; } }";
    return inEveryLanguage(
        "writing /, /etc, /dev, /harness, /tmp, /dev/shm and /dev/null",
        python,
        javascript,
        java,
        READ_ONLY_PLACES,
        PASSED,
        test -> {});
  }

  @TestFactory
  Stream<DynamicTest> fillingDevShmEndsInNoSpaceLeftNotAMemoryKillInEveryLanguage() {
    // 1 MiB files, so that neither RLIMIT_FSIZE nor the 256 MiB memory limit is what stops it.
    long limitMiB = SandboxProperties.defaults().shmBytes() >> 20;
    int attempts = (int) limitMiB * 4;
    String python =
        """
        import errno
        def solve(n):
            chunk = bytes(1 << 20)
            for i in range(%d):
                try:
                    with open('/dev/shm/fill%%d' %% i, 'wb') as f:
                        f.write(chunk)
                except OSError as e:
                    return 'ENOSPC' if e.errno == errno.ENOSPC and i <= %d else 'errno %%d after %%d MiB' %% (e.errno, i)
            return 'written %d MiB'
        """
            .formatted(attempts, limitMiB, attempts);
    String javascript =
        JS_REQUIRE
            + ("function solve(n) { const fs = req('fs'); const chunk = Buffer.alloc(1 << 20);"
                    + " for (let i = 0; i < %d; i++) {"
                    + " try { fs.writeFileSync('/dev/shm/fill' + i, chunk); }"
                    + " catch (e) { return e.code === 'ENOSPC' && i <= %d ? 'ENOSPC' : e.code + ' after ' + i + ' MiB'; } }"
                    + " return 'written %d MiB'; }")
                .formatted(attempts, limitMiB, attempts);
    String java =
        ("import java.nio.file.*;\nclass Solution { public String solve(int n) {"
                + " byte[] chunk = new byte[1 << 20];"
                + " for (int i = 0; i < %d; i++) {"
                + " try { Files.write(Path.of(\"/dev/shm/fill\" + i), chunk); }"
                + " catch (Exception e) { return String.valueOf(e.getMessage()).contains(\"No space left\")"
                + " && i <= %d ? \"ENOSPC\" : e + \" after \" + i + \" MiB\"; } }"
                + " return \"written %d MiB\"; } }")
            .formatted(attempts, limitMiB, attempts);
    return inEveryLanguage(
        "filling /dev/shm", python, javascript, java, "ENOSPC", PASSED, test -> {});
  }

  @TestFactory
  Stream<DynamicTest> mountTableNamesNoHostPathInEveryLanguage() throws Exception {
    // Java runs must map the class archive, whose directory is the other bind the server makes.
    assertThat(engine.javaClassArchiveReady().get(120, java.util.concurrent.TimeUnit.SECONDS))
        .as("the Java class archive is in use")
        .isTrue();
    String python =
        "def solve(n):\n"
            + "    return open('/proc/self/mountinfo').read() + '\\ncmdline '"
            + " + open('/proc/self/cmdline').read().replace('\\0', ' ')\n";
    String javascript =
        JS_REQUIRE
            + "function solve(n) { const fs = req('fs');"
            + " return fs.readFileSync('/proc/self/mountinfo', 'utf8') + '\\ncmdline '"
            + " + fs.readFileSync('/proc/self/cmdline', 'utf8').split('\\0').join(' '); }";
    String java =
        "import java.nio.file.*;\nclass Solution { public String solve(int n) throws Exception {"
            + " return Files.readString(Path.of(\"/proc/self/mountinfo\")) + \"\\ncmdline \""
            + " + Files.readString(Path.of(\"/proc/self/cmdline\")).replace('\\0', ' '); } }";
    return inEveryLanguage(
        "reading /proc/self/mountinfo and its command line",
        python,
        javascript,
        java,
        null,
        COMPLETED,
        HostileProgramsTest::namesNoHostPath);
  }

  private static void namesNoHostPath(TestReport test) {
    String seen = test.actual() == null ? "" : test.actual().asString();
    assertThat(seen).as("the program's mount table").contains(" /harness ", " /usr ");
    String cmdline = seen.substring(seen.lastIndexOf("\ncmdline ") + 1);
    if (cmdline.contains(" Harness")) {
      assertThat(cmdline)
          .as("a Java run maps the class archive")
          .contains("-XX:SharedArchiveFile=");
    }
    String hostTemp = Path.of(System.getProperty("java.io.tmpdir")).toString();
    String home = System.getProperty("user.home");
    assertThat(seen)
        .as("the program's mount table and command line")
        .doesNotContain(harness.dir().toString())
        .doesNotContain(harness.dir().getFileName().toString())
        .doesNotContain("improview-harness-", "improview-cds-", "improview-sandbox-")
        .doesNotContain(System.getProperty("user.dir"))
        .doesNotContain(home + "/", " " + home + " ", ".improview");
    for (String line : seen.lines().filter(l -> l.contains(" - ")).toList()) {
      String[] fields = line.split(" ");
      // Field 4 is the bound directory's path on its file system, field 5 where it is mounted.
      assertThat(fields[3]).as(line).doesNotStartWith(hostTemp + "/");
      assertThat(fields[4]).as(line).doesNotStartWith("/tmp/");
    }
  }

  private Stream<DynamicTest> inEveryLanguage(
      String name,
      String python,
      String javascript,
      String java,
      String expected,
      Set<Verdict> verdicts,
      Consumer<TestReport> check) {
    return Stream.of(
            new Hostile(name, Language.PYTHON, python, expected, verdicts, check),
            new Hostile(name, Language.JAVASCRIPT, javascript, expected, verdicts, check),
            new Hostile(name, Language.JAVA, java, expected, verdicts, check))
        .map(
            hostile ->
                DynamicTest.dynamicTest(
                    hostile.language().id() + ": " + hostile.name(), () -> runContained(hostile)));
  }
}
