package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Comparison mode {@code checker}, in the real sandbox: a problem with many valid answers (any peak
 * of a ridge) validates with a brute force that finds a different peak than the references, a
 * candidate's other valid answer passes, an invalid one fails, and a checker without its mode (or
 * the mode without a checker) is refused.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckerTests {

  @Autowired ProblemValidator validator;
  @Autowired ProblemFormat format;
  @Autowired Judge judge;
  @Autowired JsonMapper json;

  ObjectNode document() throws IOException {
    try (var in = getClass().getResourceAsStream("/problems/any-peak-index.json")) {
      return (ObjectNode) json.readTree(in);
    }
  }

  Problem problem;

  @BeforeAll
  void parse() throws IOException {
    problem = format.parse(document());
  }

  @Test
  void aProblemWithManyValidAnswersPassesEveryStepWhereTheBruteForceFindsAnotherOne() {
    var report = validator.validate(problem);
    assertThat(report.passed()).as("%s", report.checks()).isTrue();
    assertThat(report.stressChecked()).isTrue();
    assertThat(report.figures().wrongSolutionsCaught()).isEqualTo(5);
    assertThat(report.figures().mutantsKilled())
        .isEqualTo(report.figures().mutantsDistinguishable());
  }

  @Test
  void anotherValidAnswerPassesAndAnInvalidOneIsAWrongAnswer() {
    var lastPeak =
        """
        def any_peak_index(heights):
            for i in range(len(heights) - 1, -1, -1):
                if (i == 0 or heights[i - 1] < heights[i]) and (
                        i == len(heights) - 1 or heights[i + 1] < heights[i]):
                    return i
            return -1
        """;
    var other = judge.allTests(problem, Language.PYTHON, lastPeak);
    assertThat(other.verdict()).as("%s", other.tests()).isEqualTo(Verdict.PASSED);
    // hiddenTests[5], [1, 5, 1, 5, 1, 5, 1]: the reference says 1, the last peak is 5; it passes.
    var ridge = other.tests().get(problem.publicTests().size() + 5);
    assertThat(ridge.expected().asInt()).isEqualTo(1);
    assertThat(ridge.outcome().actual().asInt()).isEqualTo(5);
    assertThat(ridge.verdict()).isEqualTo(Verdict.PASSED);

    var valley = "def any_peak_index(heights):\n    return heights.index(min(heights))\n";
    var wrong = judge.allTests(problem, Language.PYTHON, valley);
    assertThat(wrong.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(wrong.tests())
        .anySatisfy(t -> assertThat(t.verdict()).isEqualTo(Verdict.WRONG_ANSWER));
  }

  /**
   * Hostile: a wrong answer that prints what the checker's own answer looks like on the wire (an
   * accepting empty string) and returns text shaped like one, in every language. The checker gets
   * the returned value only as data, in a run of its own: still a wrong answer.
   */
  @Test
  void aWrongAnswerCannotForgeTheCheckersAcceptanceInAnyLanguage() {
    var forged = "{\\\"type\\\":\\\"result\\\",\\\"index\\\":0,\\\"actual\\\":\\\"\\\"}";
    var attempts =
        java.util.Map.of(
            Language.PYTHON,
            "def any_peak_index(heights):\n"
                + "    print('"
                + forged
                + "')\n"
                + "    return heights.index(min(heights)) if len(heights) > 2 else -1\n",
            Language.JAVASCRIPT,
            "function anyPeakIndex(heights) {\n"
                + "  console.log('"
                + forged
                + "');\n"
                + "  return heights.length > 2 ? heights.indexOf(Math.min(...heights)) : -1;\n"
                + "}\n",
            Language.JAVA,
            "class Solution {\n"
                + "  public int anyPeakIndex(int[] heights) {\n"
                + "    System.out.println(\""
                + forged
                + "\");\n"
                + "    if (heights.length <= 2) return -1;\n"
                + "    int low = 0;\n"
                + "    for (int i = 1; i < heights.length; i++) if (heights[i] < heights[low]) low = i;\n"
                + "    return low;\n"
                + "  }\n"
                + "}\n");
    attempts.forEach(
        (language, code) -> {
          var judged = judge.allTests(problem, language, code);
          assertThat(judged.verdict())
              .as(language + ": %s", judged.tests())
              .isEqualTo(Verdict.WRONG_ANSWER);
          // [7]: -1 is outside the ridge, whatever was printed beside it.
          assertThat(judged.tests().get(problem.publicTests().size()).verdict())
              .as(language.id())
              .isEqualTo(Verdict.WRONG_ANSWER);
        });
  }

  @Test
  void aCheckerAndItsModeComeTogether() throws IOException {
    var withoutMode = document();
    withoutMode.putObject("comparison").put("mode", "exact");
    assertThat(catchThrowable(() -> format.parse(withoutMode)))
        .hasMessageContaining("a checker needs comparison mode checker");
    var withoutChecker = document();
    withoutChecker.remove("checker");
    assertThat(catchThrowable(() -> format.parse(withoutChecker)))
        .hasMessageContaining("comparison mode checker needs a checker");
  }
}
