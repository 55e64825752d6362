package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.Language;
import dev.improview.execution.Parameter;
import dev.improview.execution.Signature;
import dev.improview.execution.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StarterCodeTests {

  private final Signature signature =
      new Signature(
          "longestRunLength",
          List.of(
              new Parameter("gridRows", ValueType.parse("int[][]")),
              new Parameter("minScore", ValueType.parse("double")),
              new Parameter("labels", ValueType.parse("string[]"))),
          ValueType.parse("long[]"));

  @Test
  void javascriptDeclaresTheFunctionWithJsDocTypes() {
    assertThat(StarterCode.of(signature, Language.JAVASCRIPT))
        .contains(" * @param {number[][]} gridRows\n")
        .contains(" * @param {string[]} labels\n")
        .contains(" * @return {number[]}\n")
        .contains("function longestRunLength(gridRows, minScore, labels) {\n");
  }

  @Test
  void pythonUsesSnakeCaseAndTypeHints() {
    assertThat(StarterCode.of(signature, Language.PYTHON))
        .startsWith(
            "def longest_run_length(grid_rows: list[list[int]], min_score: float,"
                + " labels: list[str]) -> list[int]:\n");
  }

  @Test
  void javaDeclaresAMethodOnSolution() {
    assertThat(StarterCode.of(signature, Language.JAVA))
        .contains("class Solution {")
        .contains(
            "public long[] longestRunLength(int[][] gridRows, double minScore, String[] labels)");
  }

  @Test
  void everyLanguageGetsStarterCode() {
    assertThat(StarterCode.forAllLanguages(signature))
        .containsOnlyKeys("javascript", "python", "java");
  }
}
