package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.execution.DesignClass;
import dev.improview.execution.Language;
import dev.improview.execution.Method;
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

  private final Signature lists =
      new Signature(
          "mergeGroups",
          List.of(
              new Parameter("heads", ValueType.parse("ListNode[]")),
              new Parameter("root", ValueType.parse("TreeNode")),
              new Parameter("limit", ValueType.parse("bigint?")),
              new Parameter("weights", ValueType.parse("map<string, int[]>"))),
          ValueType.parse("map<string, int?>"));

  @Test
  void theNodeClassesAreShownAboveTheCodeInEveryLanguage() {
    assertThat(StarterCode.of(lists, Language.JAVASCRIPT))
        .startsWith(
            "/**\n * Definition for a singly linked list node (provided; do not declare it):")
        .contains(" * class TreeNode {\n")
        .contains(" * @param {(ListNode|null)[]} heads\n")
        .contains(" * @param {bigint|null} limit\n")
        .contains(" * @param {Object<string, number[]>} weights\n")
        .contains(" * @return {Object<string, number|null>}\n");
    assertThat(StarterCode.of(lists, Language.PYTHON))
        .startsWith("# Definition for a singly linked list node (provided; do not declare it):\n")
        .contains("#     def __init__(self, val=0, left=None, right=None):\n")
        .endsWith(
            "def merge_groups(heads: list[ListNode | None], root: TreeNode | None,"
                + " limit: int | None, weights: dict[str, list[int]]) -> dict[str, int | None]:\n"
                + "    pass\n");
    assertThat(StarterCode.of(lists, Language.JAVA))
        .startsWith("import java.util.*;\nimport java.math.BigInteger;\n\n/**\n")
        .contains(" *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }\n")
        .contains(
            "public Map<String, Integer> mergeGroups(ListNode[] heads, TreeNode root,"
                + " BigInteger limit, Map<String, int[]> weights)");
    assertThat(StarterCode.of(signature, Language.JAVA)).doesNotContain("Definition");
  }

  @Test
  void aDesignProblemStartsFromItsClass() {
    var design =
        Signature.ofClass(
            new DesignClass(
                "HitCounter",
                List.of(new Parameter("window", ValueType.INT)),
                List.of(
                    new Method("hit", List.of(new Parameter("at", ValueType.INT)), ValueType.VOID),
                    new Method("countSince", List.of(), ValueType.INT))));
    assertThat(StarterCode.of(design, Language.JAVASCRIPT))
        .startsWith("class HitCounter {\n  /**\n   * @param {number} window\n   */\n")
        .contains("  constructor(window) {\n")
        .contains("   * @return {void}\n   */\n  hit(at) {\n")
        .contains("  countSince() {\n");
    assertThat(StarterCode.of(design, Language.PYTHON))
        .isEqualTo(
            "class HitCounter:\n    def __init__(self, window: int):\n        pass\n\n"
                + "    def hit(self, at: int) -> None:\n        pass\n\n"
                + "    def count_since(self) -> int:\n        pass\n");
    assertThat(StarterCode.of(design, Language.JAVA))
        .contains("class HitCounter {\n    public HitCounter(int window) {\n")
        .contains("    public void hit(int at) {\n")
        .contains("    public int countSince() {\n")
        .doesNotContain("Solution");
  }
}
