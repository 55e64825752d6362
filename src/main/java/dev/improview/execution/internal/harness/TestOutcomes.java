package dev.improview.execution.internal.harness;

import dev.improview.execution.Diagnostic;
import dev.improview.execution.ExecutionReport;
import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.RunLimits;
import dev.improview.execution.TestReport;
import dev.improview.execution.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns what the harness said and what the server measured into test reports. What the harness says
 * is only ever a candidate value, output and exception: times come from the server's clock and the
 * kernel's CPU accounting, the return type is checked again here, the comparison with expected
 * values (which never entered the sandbox) happens here, and an event that breaks the protocol is a
 * {@link ProtocolViolation}.
 */
final class TestOutcomes {

  static final String INTERNAL_MESSAGE =
      "The runner failed (our fault, not your code's). Please try again.";
  static final String LOAD_PREFIX = "While running the top-level code: ";
  private static final Set<String> ERROR_KINDS =
      Set.of(
          "exception",
          "stack_overflow",
          "out_of_memory",
          "bad_return",
          "output_limit",
          "result_too_large");

  private final ExecutionRequest request;
  private final RunLimits limits;
  private final int cap;
  private final long runResultBytes;
  private final List<TestReport> reports = new ArrayList<>();
  private final StringBuilder stray = new StringBuilder();
  private long strayBytes;
  private long resultBytes;
  private String loadStdout = "";
  private String loadStderr = "";

  TestOutcomes(ExecutionRequest request, ExecutionProperties properties) {
    this.request = request;
    this.limits = request.limits();
    this.cap = limits.outputBytesPerStream();
    this.runResultBytes = properties.runResultBytes();
  }

  int cap() {
    return cap;
  }

  // ---- Output that reached fd 1 without the nonce, attributed to the test in progress ----

  /** Keeps stray output up to the cap; true once more than the cap arrived for this test. */
  boolean stray(String text, long bytes) {
    strayBytes += bytes;
    if (stray.length() < cap) {
      stray.append(text, 0, Math.min(text.length(), cap - stray.length()));
    }
    return strayBytes > cap;
  }

  boolean strayOverflowed() {
    return strayBytes > cap;
  }

  private String takeStray() {
    String text = stray.toString();
    stray.setLength(0);
    strayBytes = 0;
    return text;
  }

  // ---- Events ----

  /** The load phase succeeded; its output is shown with the first test. */
  void loaded(JsonNode event) throws ProtocolViolation {
    loadStdout = text(event, "stdout") + takeStray();
    loadStderr = text(event, "stderr");
  }

  /** The first test's report when top-level code threw. */
  TestReport loadFailed(JsonNode event, long cpuNanos, long wallNanos) throws ProtocolViolation {
    return fromError(0, object(event, "error"), event, LOAD_PREFIX, cpuNanos, wallNanos);
  }

  /**
   * One test's result event with the server's measurements of it.
   *
   * @throws ProtocolViolation when the event does not follow the protocol
   */
  TestReport result(int index, JsonNode event, long eventBytes, long cpuNanos, long wallNanos)
      throws ProtocolViolation {
    String status = text(event, "status");
    resultBytes += eventBytes;
    if (cpuNanos > limits.cpuPerTest().toNanos()) {
      requireKnownShape(status, event);
      return timeLimit(index, event, cpuNanos, wallNanos, "");
    }
    if (status.equals("error")) {
      return fromError(index, object(event, "error"), event, "", cpuNanos, wallNanos);
    }
    if (!status.equals("returned")) {
      throw new ProtocolViolation("a result with status '" + abbreviate(status) + "'");
    }
    JsonNode actual = event.get("value");
    if (actual == null) {
      throw new ProtocolViolation("a returned result without a value");
    }
    JsonNode args = request.tests().get(index).args();
    String misfit = request.signature().resultMisfit(args, actual);
    if (misfit != null) {
      // The harness checks every returned value: this one came from somewhere else.
      throw new ProtocolViolation("a returned value that " + misfit);
    }
    actual = request.signature().canonicalResult(args, actual);
    if (resultBytes > runResultBytes) {
      return report(
          index,
          Verdict.OUTPUT_LIMIT_EXCEEDED,
          null,
          event,
          "This run's returned values and output add up to more than " + runResultBytes + " bytes.",
          cpuNanos,
          wallNanos);
    }
    // A well-typed value: whether it is the right one is the judge's to say, above the engine.
    return report(index, Verdict.COMPLETED, actual, event, "", cpuNanos, wallNanos);
  }

  /** True once the run has returned more than it may in all: the tests after it do not run. */
  boolean overRunBudget() {
    return resultBytes > runResultBytes;
  }

  TestReport timeLimit(int index, JsonNode event, long cpuNanos, long wallNanos, String prefix)
      throws ProtocolViolation {
    return report(
        index,
        Verdict.TIME_LIMIT_EXCEEDED,
        null,
        event,
        prefix + cpuMessage(cpuNanos),
        cpuNanos,
        wallNanos);
  }

  String cpuMessage(long cpuNanos) {
    return "Used "
        + cpuNanos / 1_000_000
        + " ms of CPU time; the limit is "
        + limits.cpuPerTest().toMillis()
        + " ms per test.";
  }

  private TestReport fromError(
      int index, JsonNode error, JsonNode event, String prefix, long cpuNanos, long wallNanos)
      throws ProtocolViolation {
    String kind = text(error, "kind");
    if (!ERROR_KINDS.contains(kind)) {
      throw new ProtocolViolation("an error of unknown kind '" + abbreviate(kind) + "'");
    }
    Verdict verdict =
        switch (kind) {
          case "output_limit", "result_too_large" -> Verdict.OUTPUT_LIMIT_EXCEEDED;
          case "out_of_memory" -> Verdict.MEMORY_LIMIT_EXCEEDED;
          default -> Verdict.RUNTIME_ERROR;
        };
    String message;
    if (kind.equals("output_limit")) {
      message =
          "Printed more than "
              + cap
              + " bytes to "
              + (bool(event, "stdoutTruncated") ? "stdout" : "stderr")
              + ".";
    } else if (kind.equals("bad_return") || kind.equals("result_too_large")) {
      message = capitalise(text(error, "message"));
    } else {
      message = text(error, "type") + ": " + text(error, "message");
      String stack = text(error, "stack");
      message = stack.isEmpty() ? message : message + "\n" + stack;
    }
    return report(index, verdict, null, event, prefix + message, cpuNanos, wallNanos);
  }

  private static void requireKnownShape(String status, JsonNode event) throws ProtocolViolation {
    if (!status.equals("returned") && !status.equals("error")) {
      throw new ProtocolViolation("a result with status '" + abbreviate(status) + "'");
    }
    text(event, "stdout");
    text(event, "stderr");
  }

  private TestReport report(
      int index,
      Verdict verdict,
      JsonNode actual,
      JsonNode event,
      String message,
      long cpuNanos,
      long wallNanos)
      throws ProtocolViolation {
    String stdoutPrefix = index == 0 ? loadStdout : "";
    String stderrPrefix = index == 0 ? loadStderr : "";
    CapturedOutput out =
        CapturedOutput.of(
            stdoutPrefix + text(event, "stdout") + takeStray(),
            bool(event, "stdoutTruncated"),
            cap);
    CapturedOutput err =
        CapturedOutput.of(
            stderrPrefix + text(event, "stderr"), bool(event, "stderrTruncated"), cap);
    return new TestReport(
        index,
        verdict,
        actual,
        out.text(),
        out.truncated(),
        err.text(),
        err.truncated(),
        wallNanos / 1_000_000,
        TestReport.cpuMillis(cpuNanos),
        message);
  }

  /** A test that did not deliver its result: the process ended, or we ended it. */
  TestReport ended(
      int index,
      Verdict verdict,
      String message,
      String stderr,
      boolean inLoad,
      long cpuNanos,
      long wallNanos) {
    boolean overflowed = strayOverflowed();
    CapturedOutput out =
        CapturedOutput.of((index == 0 ? loadStdout : "") + takeStray(), overflowed, cap);
    CapturedOutput err = CapturedOutput.of(tail(stderr), false, cap);
    return new TestReport(
        index,
        verdict,
        null,
        out.text(),
        out.truncated(),
        err.text(),
        err.truncated(),
        wallNanos / 1_000_000,
        TestReport.cpuMillis(cpuNanos),
        (inLoad ? LOAD_PREFIX : "") + message);
  }

  // ---- The run's report ----

  void add(TestReport report) {
    reports.add(report);
  }

  int reported() {
    return reports.size();
  }

  ExecutionReport compileError(JsonNode found, long wallMillis) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (found != null && found.isArray()) {
      for (JsonNode d : found) {
        diagnostics.add(
            new Diagnostic(
                Math.max(0, d.path("line").asInt()),
                Math.max(0, d.path("column").asInt()),
                d.path("message").asString("")));
      }
    }
    if (diagnostics.isEmpty()) {
      diagnostics.add(new Diagnostic(0, 0, "compilation failed"));
    }
    return compileReport(diagnostics, wallMillis);
  }

  ExecutionReport compileFailure(String message, long wallMillis) {
    return compileReport(List.of(new Diagnostic(0, 0, message)), wallMillis);
  }

  private ExecutionReport compileReport(List<Diagnostic> diagnostics, long wallMillis) {
    List<TestReport> tests = new ArrayList<>();
    for (int i = 0; i < request.tests().size(); i++) {
      tests.add(TestReport.notRun(i, "not run: the code did not compile"));
    }
    return new ExecutionReport(Verdict.COMPILE_ERROR, tests, diagnostics, wallMillis);
  }

  /** Our fault at test {@code index}: what was reported after it is dropped. */
  ExecutionReport internalError(int index, long wallMillis) {
    while (reports.size() > index) {
      reports.remove(reports.size() - 1);
    }
    for (int i = reports.size(); i < index; i++) {
      reports.add(TestReport.notRun(i, "not run"));
    }
    reports.add(
        new TestReport(
            index, Verdict.INTERNAL_ERROR, null, "", false, "", false, 0, 0, INTERNAL_MESSAGE));
    return finish(index + 1, "not run: the runner failed", wallMillis);
  }

  ExecutionReport finish(int from, String notRunMessage, long wallMillis) {
    for (int i = from; i < request.tests().size(); i++) {
      reports.add(TestReport.notRun(i, notRunMessage));
    }
    return new ExecutionReport(ExecutionReport.overall(reports), reports, List.of(), wallMillis);
  }

  // ---- Reading fields strictly: a field of the wrong type is a protocol violation ----

  private static String text(JsonNode event, String field) throws ProtocolViolation {
    JsonNode value = event.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isString()) {
      throw new ProtocolViolation("'" + field + "' is not a string");
    }
    return value.asString();
  }

  private static boolean bool(JsonNode event, String field) throws ProtocolViolation {
    JsonNode value = event.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new ProtocolViolation("'" + field + "' is not a boolean");
    }
    return value.asBoolean();
  }

  private static JsonNode object(JsonNode event, String field) throws ProtocolViolation {
    JsonNode value = event.get(field);
    if (value == null || !value.isObject()) {
      throw new ProtocolViolation("'" + field + "' is not an object");
    }
    return value;
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String tail(String text) {
    return text.length() <= 4096 ? text : "..." + text.substring(text.length() - 4096);
  }

  static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
