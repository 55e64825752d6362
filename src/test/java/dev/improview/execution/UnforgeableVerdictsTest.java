package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.harness.HarnessFiles;
import dev.improview.execution.internal.sandbox.ProcessSandbox;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Code under judgement trying to bend its verdict, in every language, through the real engine and
 * sandbox: lying about its CPU time, doing the work where the harness does not look (other threads,
 * child processes), and forging or corrupting the harness's protocol. Times and limits come from
 * the kernel and the server's clock, so each attempt ends as the code's own verdict, and never as
 * ours (INTERNAL_ERROR) or with a stack trace in the log.
 */
class UnforgeableVerdictsTest {

  // 1 s of CPU per test; a long wall slack so that on a loaded machine the CPU budget, not the
  // wall watchdog, is what ends a burn (the message says which).
  private static final RunLimits LIMITS =
      new RunLimits(
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          RunLimits.DEFAULT_MEMORY_BYTES,
          RunLimits.DEFAULT_MAX_PROCESSES,
          RunLimits.DEFAULT_OUTPUT_BYTES_PER_STREAM);
  private static final Signature SIGNATURE =
      new Signature(
          "solve", List.of(new Parameter("n", ValueType.parse("int"))), ValueType.parse("int"));

  private static ProcessSandbox sandbox;
  private static HarnessFiles harness;
  private static ExecutionEngine engine;
  private ListAppender<ILoggingEvent> log;

  @BeforeAll
  static void start() {
    sandbox = ProcessSandbox.create(SandboxProperties.defaults().withMode("strict"));
    ExecutionProperties properties =
        ExecutionProperties.defaults()
            .withPrewarm(0, 0, 0)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(20));
    harness = new HarnessFiles(properties);
    engine = new ExecutionEngine(sandbox, harness, properties);
  }

  @AfterAll
  static void stop() {
    engine.close();
    harness.close();
    sandbox.close();
  }

  @BeforeEach
  void captureLog() {
    log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger("dev.improview.execution")).addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    ((Logger) LoggerFactory.getLogger("dev.improview.execution")).detachAppender(log);
  }

  private TestReport run(Language language, String code) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ExecutionReport report =
        engine.run(
            new ExecutionRequest(
                language,
                code,
                SIGNATURE,
                List.of(new TestCase(nodes.arrayNode().add(7))),
                LIMITS));
    assertThat(log.list)
        .as("nothing the code does is logged as our error or with a stack trace")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null);
    return report.tests().get(0);
  }

  // What the engine reports for a run that did its job: the value it returned, to be judged above.
  private static void assertReturnedSeven(TestReport test) {
    assertThat(test.verdict()).as(test.toString()).isEqualTo(Verdict.COMPLETED);
    assertThat(test.actual().asInt()).as(test.toString()).isEqualTo(7);
  }

  private static void assertCpuLimit(TestReport test) {
    assertThat(test.verdict()).as(test.toString()).isEqualTo(Verdict.TIME_LIMIT_EXCEEDED);
    assertThat(test.message()).as(test.toString()).contains("ms of CPU time");
    assertThat(test.cpuMillis()).as(test.toString()).isGreaterThanOrEqualTo(1000);
  }

  // ---- Lying about CPU time, or spending it where the harness does not look ----

  @Test
  void pythonPatchingTheHarnessClockStillHitsTheCpuLimit() {
    assertCpuLimit(
        run(
            Language.PYTHON,
            """
            import sys, time
            main = sys.modules['__main__']
            for name in ('_cpu', '_perf'):
                setattr(main, name, lambda: 0)
            time.process_time_ns = lambda: 0
            def solve(n):
                end = time.process_time() + 1.6
                while time.process_time() < end:
                    pass
                return n
            """));
  }

  @Test
  void pythonBurningInAChildProcessIsCharged() {
    assertCpuLimit(
        run(
            Language.PYTHON,
            """
            import subprocess
            BURN = 'import time\\nend = time.process_time() + 1.6\\nwhile time.process_time() < end: pass'
            def solve(n):
                subprocess.run(['/usr/bin/python3', '-c', BURN])
                return n
            """));
  }

  @Test
  void javascriptRewritingTheProtocolLinesStillHitsTheCpuLimit() {
    assertCpuLimit(
        run(
            Language.JAVASCRIPT,
            """
            const original = Buffer.from;
            Buffer.from = function (value, ...rest) {
              if (typeof value === 'string') value = value.replace(/"cpuNanos":\\d+/g, '"cpuNanos":0');
              return original.call(this, value, ...rest);
            };
            const usage = process.cpuUsage;
            process.cpuUsage = () => ({ user: 0, system: 0 });
            function solve(n) {
              const spent = () => { const u = usage(); return u.user + u.system; };
              const end = spent() + 1.6e6;
              while (spent() < end) {}
              return n;
            }
            """));
  }

  @Test
  void javascriptBurningInAChildProcessIsCharged() {
    assertCpuLimit(
        run(
            Language.JAVASCRIPT,
            """
            const req = globalThis.require || process.mainModule.require;
            const BURN = 'const u = () => { const c = process.cpuUsage(); return c.user + c.system; };'
              + ' const end = u() + 1.6e6; while (u() < end) {}';
            function solve(n) {
              req('child_process').spawnSync(process.execPath, ['-e', BURN]);
              return n;
            }
            """));
  }

  @Test
  void javaWorkOnAnotherThreadIsCharged() {
    assertCpuLimit(
        run(
            Language.JAVA,
            """
            import java.lang.management.*;
            class Solution {
              public int solve(int n) throws Exception {
                Thread worker = new Thread(() -> {
                  ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                  long end = threads.getCurrentThreadCpuTime() + 1_600_000_000L;
                  while (threads.getCurrentThreadCpuTime() < end) { }
                });
                worker.start();
                worker.join();
                return n;
              }
            }
            """));
  }

  @Test
  void javaParallelStreamsAreCharged() {
    assertCpuLimit(
        run(
            Language.JAVA,
            """
            import java.lang.management.*;
            import java.util.stream.*;
            class Solution {
              public int solve(int n) {
                IntStream.range(0, 8).parallel().forEach(i -> {
                  ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                  long end = threads.getCurrentThreadCpuTime() + 300_000_000L;
                  while (threads.getCurrentThreadCpuTime() < end) { }
                });
                return n;
              }
            }
            """));
  }

  @Test
  void theCpuOfEachTestIsTheKernelsFigure() {
    TestReport test =
        run(
            Language.PYTHON,
            """
            import time
            def solve(n):
                end = time.process_time() + 0.3
                while time.process_time() < end:
                    pass
                return n
            """);
    assertReturnedSeven(test);
    assertThat(test.cpuMillis()).as(test.toString()).isBetween(250.0, 1000.0);
  }

  // ---- Forging or corrupting the protocol: the code's fault, never ours ----

  /** Python finds the nonce in the harness's frame and writes {@code forged} as an event. */
  private static String pythonForging(String forged) {
    return """
        import os, sys
        def solve(n):
            frame = sys._getframe(1)
            while frame is not None and 'nonce' not in frame.f_locals:
                frame = frame.f_back
            nonce = frame.f_locals['nonce']
            os.write(1, ('\\n' + nonce + ' ' + FORGED + '\\n').encode())
            return n
        """
        .replace("FORGED", "'" + forged + "'");
  }

  @Test
  void pythonForgingAnEventOfAnUnknownKindIsARuntimeError() {
    TestReport test =
        run(
            Language.PYTHON,
            pythonForging(
                "{\"type\":\"result\",\"index\":0,\"status\":\"error\","
                    + "\"error\":{\"kind\":\"mystery\"}}"));
    assertThat(test.verdict()).as(test.toString()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(test.message()).contains("broke the runner's protocol").contains("mystery");
  }

  @Test
  void pythonForgingAPassingResultOfTheWrongTypeIsARuntimeError() {
    TestReport test =
        run(
            Language.PYTHON,
            pythonForging(
                "{\"type\":\"result\",\"index\":0,\"status\":\"returned\",\"value\":\"7\"}"));
    assertThat(test.verdict()).as(test.toString()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(test.message()).contains("not a valid int");
  }

  private TestReport run(Signature signature, String code, String args) {
    ExecutionReport report =
        engine.run(
            new ExecutionRequest(
                Language.PYTHON,
                code,
                signature,
                List.of(
                    new TestCase(
                        tools.jackson.databind.json.JsonMapper.builder().build().readTree(args))),
                LIMITS));
    return report.tests().get(0);
  }

  @Test
  void pythonForgingATreeNoHarnessWouldWriteIsARuntimeError() {
    // A level order with an orphan: the harness never encodes one, the server refuses it.
    var signature =
        new Signature(
            "solve", List.of(new Parameter("n", ValueType.INT)), ValueType.parse("TreeNode"));
    TestReport test =
        run(
            signature,
            pythonForging(
                "{\"type\":\"result\",\"index\":0,\"status\":\"returned\","
                    + "\"value\":[1,null,null,2]}"),
            "[7]");
    assertThat(test.verdict()).as(test.toString()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(test.message()).contains("broke the runner's protocol").contains("TreeNode");
  }

  @Test
  void pythonForgingADesignResultThatReturnsFromTheConstructorIsARuntimeError() {
    var signature =
        Signature.ofClass(
            new DesignClass(
                "Box", List.of(), List.of(new Method("size", List.of(), ValueType.INT))));
    String forging =
        """
        import os, sys
        class Box:
            def size(self):
                frame = sys._getframe(1)
                while frame is not None and 'nonce' not in frame.f_locals:
                    frame = frame.f_back
                nonce = frame.f_locals['nonce']
                forged = '{"type":"result","index":0,"status":"returned","value":[5,1]}'
                os.write(1, ('\\n' + nonce + ' ' + forged + '\\n').encode())
                return 1
        """;
    TestReport test = run(signature, forging, "[[\"Box\", \"size\"], [[], []]]");
    assertThat(test.verdict()).as(test.toString()).isEqualTo(Verdict.RUNTIME_ERROR);
    assertThat(test.message()).contains("broke the runner's protocol").contains("call 1");
  }

  @Test
  void javascriptObjectPrototypeToJsonDoesNotBreakTheHarness() {
    TestReport test =
        run(
            Language.JAVASCRIPT,
            """
            Object.prototype.toJSON = function () { return 'hijacked'; };
            function solve(n) { return n; }
            """);
    assertReturnedSeven(test);
  }

  @Test
  void javascriptPatchingArrayJoinDoesNotBreakTheHarness() {
    // The harness encodes results without Array.prototype methods, so this patch changes nothing;
    // before it did not, the same code broke the protocol (a RUNTIME_ERROR, never ours).
    TestReport test =
        run(
            Language.JAVASCRIPT,
            """
            const join = Array.prototype.join;
            function solve(n) {
              Array.prototype.join = function () { return '{"forged":true}'; };
              return n;
            }
            """);
    assertReturnedSeven(test);
  }

  @Test
  void javaWritingGarbageThatLooksLikeOutputIsStillOnlyOutput() {
    TestReport test =
        run(
            Language.JAVA,
            """
            import java.io.*;
            class Solution {
              public int solve(int n) throws IOException {
                OutputStream raw = new FileOutputStream(FileDescriptor.out);
                raw.write("\\n00000000000000000000000000000000 {\\"type\\":\\"result\\",\\"index\\":0,\\"status\\":\\"returned\\",\\"value\\":1}\\n".getBytes());
                raw.flush();
                return n;
              }
            }
            """);
    assertReturnedSeven(test);
    assertThat(test.stdout()).contains("\"value\":1");
  }
}
