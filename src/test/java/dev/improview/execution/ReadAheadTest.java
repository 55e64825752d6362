package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.internal.harness.ExecutionProperties;
import dev.improview.execution.internal.sandbox.SandboxProperties;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Code that looks ahead into stdin for the arguments of tests it has not reached: it finds the
 * disclosed ones (public tests, the author's own inputs), which go with the job, and never an
 * undisclosed (hidden) one, which is handed over only when its test starts.
 */
class ReadAheadTest {

  private static final Signature SIGNATURE =
      new Signature(
          "peek",
          List.of(new Parameter("label", ValueType.parse("string"))),
          ValueType.parse("string"));

  // Everything the harness holds or could read from fd 0 right now, without blocking or taking it
  // away: its own buffered reader (the harness runs as __main__), then the pipe itself.
  private static final String PEEK =
      """
      import os
      import __main__

      def peek(label):
          seen = []
          os.set_blocking(0, False)
          try:
              seen.append(__main__._stdin.peek(1 << 16).decode("utf-8", "replace"))
          except Exception as error:
              seen.append(type(error).__name__)
          finally:
              os.set_blocking(0, True)
          return label + ": " + " | ".join(seen)
      """;

  private static TestEngine engine;

  @BeforeAll
  static void start() {
    engine =
        TestEngine.start(
            SandboxProperties.defaults().withMode("strict"),
            ExecutionProperties.defaults().withPrewarm(0, 0, 0));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static List<TestCase> tests(String... labels) {
    return java.util.Arrays.stream(labels)
        .map(l -> new TestCase(JsonNodeFactory.instance.arrayNode().add(l)))
        .toList();
  }

  private static ExecutionReport run(int disclosed, String... labels) {
    return engine.run(
        new ExecutionRequest(
            Language.PYTHON, PEEK, SIGNATURE, tests(labels), RunLimits.defaults(), disclosed));
  }

  private static String firstSeen(int disclosed) {
    ExecutionReport report =
        run(disclosed, "first", "public-second", "hidden-third", "hidden-fourth");
    assertThat(report.tests().get(0).verdict()).isEqualTo(Verdict.COMPLETED);
    return report.tests().get(0).actual().asString();
  }

  @Test
  void disclosedTestsAreThereToSeeAndTheOthersAreNot() {
    // The control: what goes with the job can be seen, so the look ahead works.
    String withTwoDisclosed = firstSeen(2);
    assertThat(withTwoDisclosed).startsWith("first: ").contains("public-second");
    assertThat(withTwoDisclosed).doesNotContain("hidden-third").doesNotContain("hidden-fourth");
  }

  @Test
  void withNothingDisclosedNoLaterTestIsEverThereToSee() {
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(firstSeen(0))
          .startsWith("first: ")
          .doesNotContain("public-second")
          .doesNotContain("hidden-third");
    }
  }

  @Test
  void aLaterTestSeesOnlyWhatIsDisclosedOrItsOwn() {
    ExecutionReport report = run(2, "first", "second", "hidden-third", "hidden-fourth");
    assertThat(report.tests()).hasSize(4);
    assertThat(report.tests().get(2).verdict()).isEqualTo(Verdict.COMPLETED);
    assertThat(report.tests().get(2).actual().asString())
        .startsWith("hidden-third: ")
        .doesNotContain("hidden-fourth");
  }

  @Test
  void theCountIsChecked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new ExecutionRequest(
                    Language.PYTHON, PEEK, SIGNATURE, tests("a"), RunLimits.defaults(), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("disclosedTests not in 0..1: 2");
  }
}
