package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.problem.JudgedTest.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The judge against the real engine and a bank problem: where expected values meet returned ones.
 */
@SpringBootTest
class JudgeTests {

  static final String PROBLEM = "bracket-nesting-depth";

  @Autowired Judge judge;
  @Autowired ProblemCatalog catalog;
  @Autowired JsonMapper json;

  private Problem problem() {
    return catalog.find(PROBLEM).orElseThrow().problem();
  }

  @Test
  void allTestsJudgesPublicThenHiddenTests() {
    var problem = problem();
    var judgement =
        judge.allTests(problem, Language.JAVA, problem.solutions().get(Language.JAVA.id()));
    assertThat(judgement.verdict()).as(judgement.toString()).isEqualTo(Verdict.PASSED);
    int publicCount = problem.publicTests().size();
    assertThat(judgement.tests()).hasSize(publicCount + problem.hiddenTests().size());
    assertThat(judgement.tests().get(0).kind()).isEqualTo(Kind.PUBLIC);
    assertThat(judgement.tests().get(publicCount).kind()).isEqualTo(Kind.HIDDEN);
    assertThat(judgement.tests())
        .allSatisfy(t -> assertThat(t.verdict()).isEqualTo(Verdict.PASSED));
  }

  @Test
  void codeThatOnlyKnowsThePublicTestsFailsAHiddenOne() {
    var problem = problem();
    var answers = new StringBuilder("def bracket_nesting_depth(s):\n    known = {");
    for (var test : problem.publicTests()) {
      answers
          .append(json.writeValueAsString(test.args().get(0)))
          .append(": ")
          .append(test.expected())
          .append(", ");
    }
    answers.append("}\n    return known.get(s, 0)\n");
    var judgement = judge.allTests(problem, Language.PYTHON, answers.toString());
    assertThat(judgement.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    var first = judgement.tests().stream().filter(t -> !t.verdict().isSuccess()).findFirst();
    assertThat(first).hasValueSatisfying(t -> assertThat(t.kind()).isEqualTo(Kind.HIDDEN));
  }

  @Test
  void aCustomInputGetsTheReferencesValueAsItsExpectation() {
    var problem = problem();
    var judgement =
        judge.customInputs(
            problem,
            Language.JAVASCRIPT,
            "function bracketNestingDepth(s) { return 2; }",
            List.of(json.readTree("[\"(())\"]"), json.readTree("[\"()\"]")));
    assertThat(judgement.tests().get(0).expected().asInt()).isEqualTo(2);
    assertThat(judgement.tests().get(0).verdict()).isEqualTo(Verdict.PASSED);
    assertThat(judgement.tests().get(1).verdict()).isEqualTo(Verdict.WRONG_ANSWER);
    assertThat(judgement.verdict()).isEqualTo(Verdict.WRONG_ANSWER);
  }

  @Test
  void whatTheCallerGotWrongIsATypedRejection() {
    var problem = problem();
    assertThatThrownBy(
            () -> judge.customInputs(problem, Language.PYTHON, "", List.of(json.readTree("[1]"))))
        .isInstanceOfSatisfying(
            JudgeRejection.class,
            e -> assertThat(e.reason()).isEqualTo(JudgeRejection.Reason.INVALID_ARGUMENTS));
    assertThatThrownBy(() -> judge.publicTests(problem, Language.PYTHON, "x".repeat(70_000)))
        .isInstanceOfSatisfying(
            JudgeRejection.class,
            e -> assertThat(e.reason()).isEqualTo(JudgeRejection.Reason.CODE_TOO_LARGE));
    assertThatThrownBy(() -> judge.publicTests(problem, Language.PYTHON, "a\0b"))
        .isInstanceOfSatisfying(
            JudgeRejection.class,
            e -> assertThat(e.reason()).isEqualTo(JudgeRejection.Reason.CODE_HAS_NUL));
  }
}
