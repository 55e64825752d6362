package dev.improview.execution;

import java.util.List;

/**
 * One run: user code in a language, the signature it implements, the tests' arguments and the
 * limits. The engine additionally caps the code size ({@code improview.execution.max-code-bytes})
 * and the number of tests ({@code improview.execution.max-tests}); what a run returns is judged
 * above it.
 *
 * @param disclosedTests how many leading tests the code's author already knows (a problem's public
 *     tests, their own custom inputs): their arguments go to the harness with the job, so they run
 *     back to back. Every later test's arguments are handed over only when that test starts, so
 *     code cannot read ahead into a test it has not reached (and, say, spread one test's work over
 *     the windows of others).
 */
public record ExecutionRequest(
    Language language,
    String code,
    Signature signature,
    List<TestCase> tests,
    RunLimits limits,
    int disclosedTests) {

  /** A run whose tests are all handed over one at a time. */
  public ExecutionRequest(
      Language language, String code, Signature signature, List<TestCase> tests, RunLimits limits) {
    this(language, code, signature, tests, limits, 0);
  }

  public ExecutionRequest {
    if (language == null) {
      throw new IllegalArgumentException("language is null");
    }
    if (code == null) {
      throw new IllegalArgumentException("code is null");
    }
    if (code.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("code contains a NUL character");
    }
    if (signature == null) {
      throw new IllegalArgumentException("signature is null");
    }
    if (tests == null || tests.isEmpty()) {
      throw new IllegalArgumentException("tests is empty");
    }
    if (limits == null) {
      throw new IllegalArgumentException("limits is null");
    }
    if (disclosedTests < 0 || disclosedTests > tests.size()) {
      throw new IllegalArgumentException(
          "disclosedTests not in 0.." + tests.size() + ": " + disclosedTests);
    }
    tests = List.copyOf(tests);
    for (int i = 0; i < tests.size(); i++) {
      checkTest(i, tests.get(i), signature);
    }
  }

  private static void checkTest(int index, TestCase test, Signature signature) {
    if (test == null) {
      throw new IllegalArgumentException("tests[" + index + "] is null");
    }
    Signature.Misfit misfit = signature.argsMisfit(test.args());
    if (misfit != null) {
      throw new IllegalArgumentException("tests[" + index + "].args" + misfit);
    }
  }
}
