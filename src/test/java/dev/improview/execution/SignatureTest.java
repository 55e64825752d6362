package dev.improview.execution;

import static dev.improview.execution.ValueTypeTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {

  static final Signature TWO_SUM =
      new Signature(
          "pairWithTargetSum",
          List.of(
              new Parameter("nums", ValueType.parse("int[]")),
              new Parameter("targetSum", ValueType.parse("int"))),
          ValueType.parse("int[]"));

  @Test
  void pythonUsesSnakeCaseNamesAndTheOthersUseThemAsGiven() {
    assertThat(TWO_SUM.functionName(Language.PYTHON)).isEqualTo("pair_with_target_sum");
    assertThat(TWO_SUM.paramNames(Language.PYTHON)).containsExactly("nums", "target_sum");
    assertThat(TWO_SUM.functionName(Language.JAVA)).isEqualTo("pairWithTargetSum");
    assertThat(TWO_SUM.paramNames(Language.JAVASCRIPT)).containsExactly("nums", "targetSum");
    assertThat(Signature.snakeCase("parseHTTPHeader")).isEqualTo("parse_http_header");
    assertThat(Signature.snakeCase("maxXOR")).isEqualTo("max_xor");
    assertThat(Signature.snakeCase("k")).isEqualTo("k");
  }

  @Test
  void rejectsBadNamesAndDuplicateParameters() {
    assertThatThrownBy(() -> new Signature("two-sum", List.of(), ValueType.parse("int")))
        .hasMessageContaining("function");
    assertThatThrownBy(
            () ->
                new Signature(
                    "f",
                    List.of(
                        new Parameter("aB", ValueType.parse("int")),
                        new Parameter("a_b", ValueType.parse("int"))),
                    ValueType.parse("int")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Parameter("x y", ValueType.parse("int")))
        .hasMessageContaining("name");
  }

  @Test
  void languageIdsRoundTripAndUnknownOnesListTheValidIds() {
    for (Language language : Language.values()) {
      assertThat(Language.fromId(language.id())).isEqualTo(language);
    }
    assertThatThrownBy(() -> Language.fromId("ruby"))
        .hasMessageContaining("ruby")
        .hasMessageContaining("javascript, python, java");
  }

  @Test
  void requestsCheckEveryArgumentAgainstTheSignature() {
    ExecutionRequest ok =
        new ExecutionRequest(
            Language.JAVA,
            "class Solution {}",
            TWO_SUM,
            List.of(new TestCase(json("[[1,2],3]"))),
            RunLimits.defaults());
    assertThat(ok.tests()).hasSize(1);
    assertThatThrownBy(() -> request(new TestCase(json("[[1,2]]"))))
        .hasMessageContaining("tests[0].args has 1 values");
    assertThatThrownBy(() -> request(new TestCase(json("[[1,2],\"3\"]"))))
        .hasMessageContaining("tests[0].args[1] (targetSum) is not a valid int");
    assertThatThrownBy(() -> new TestCase(json("{}"))).hasMessageContaining("args");
  }

  private static ExecutionRequest request(TestCase test) {
    return new ExecutionRequest(Language.PYTHON, "", TWO_SUM, List.of(test), RunLimits.defaults());
  }

  @Test
  void overallVerdictIsTheFirstFailureInOrder() {
    TestReport passed = report(0, Verdict.PASSED);
    assertThat(ExecutionReport.overall(List.of(passed, report(1, Verdict.PASSED))))
        .isEqualTo(Verdict.PASSED);
    assertThat(
            ExecutionReport.overall(
                List.of(
                    passed,
                    report(1, Verdict.WRONG_ANSWER),
                    report(2, Verdict.TIME_LIMIT_EXCEEDED))))
        .isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(ExecutionReport.overall(List.of(passed, report(1, Verdict.COMPLETED))))
        .isEqualTo(Verdict.COMPLETED);
    assertThatThrownBy(() -> new RunLimits(null, null, 0, 0, 0)).hasMessageContaining("cpuPerTest");
  }

  private static TestReport report(int index, Verdict verdict) {
    return new TestReport(index, verdict, null, "", false, "", false, 0, 0, "");
  }
}
