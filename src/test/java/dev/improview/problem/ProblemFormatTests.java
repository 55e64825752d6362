package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ProblemFormatTests {

  private final JsonMapper json = JsonMapper.builder().build();
  private final ProblemFormat format = new ProblemFormat(json);

  private ObjectNode bankProblem() throws IOException {
    return BankTemplates.bracketNestingDepth(json);
  }

  private ProblemFormat.InvalidProblemException invalid(JsonNode document) {
    return (ProblemFormat.InvalidProblemException)
        org.assertj.core.api.Assertions.catchThrowable(() -> format.parse(document));
  }

  @Test
  void aBankProblemParses() throws IOException {
    var problem = format.parse(bankProblem());
    assertThat(problem.id()).isEqualTo("bracket-nesting-depth");
    assertThat(problem.signature().returns().toString()).isEqualTo("int");
    assertThat(problem.hiddenTests()).hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void schemaViolationsNameTheFieldPath() throws IOException {
    var document = bankProblem();
    document.remove("hints");
    document.put("difficulty", "brutal");
    var e = invalid(document);
    assertThat(e.violations())
        .extracting(ProblemFormat.Violation::path)
        .anyMatch(p -> p.contains("difficulty"));
    assertThat(e.violations()).anyMatch(v -> v.message().contains("hints"));
  }

  @Test
  void aTestArgumentOfTheWrongTypeIsNamed() throws IOException {
    var document = bankProblem();
    ((ArrayNode) document.get("hiddenTests").get(2).get("args"))
        .set(0, json.getNodeFactory().numberNode(42));
    var e = invalid(document);
    assertThat(e.violations())
        .containsExactly(
            new ProblemFormat.Violation(
                "$.hiddenTests[2].args[0]", "(s) is not a valid string: 42"));
  }

  @Test
  void anExpectedValueOfTheWrongTypeAndAWrongArityAreBothReported() throws IOException {
    var document = bankProblem();
    ((ObjectNode) document.get("publicTests").get(0)).put("expected", "three");
    ((ArrayNode) document.get("hiddenTests").get(0).get("args")).add(1);
    var e = invalid(document);
    assertThat(e.violations())
        .extracting(ProblemFormat.Violation::path)
        .containsExactlyInAnyOrder("$.publicTests[0].expected", "$.hiddenTests[0].args");
  }

  @Test
  void anUnsupportedTypeInTheSignatureIsRefused() throws IOException {
    var document = bankProblem();
    ((ObjectNode) document.get("signature")).put("returns", "map<int, int>");
    assertThatThrownBy(() -> format.parse(document))
        .isInstanceOf(ProblemFormat.InvalidProblemException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void malformedJsonIsAViolationNotACrash() {
    assertThatThrownBy(() -> format.parse("{\"id\": ".getBytes()))
        .isInstanceOf(ProblemFormat.InvalidProblemException.class)
        .hasMessageContaining("not valid JSON");
  }

  private ObjectNode workedExample() throws IOException {
    try (var in =
        getClass().getResourceAsStream("/bank/arrays-hashing/first-repeated-badge-scan.json")) {
      return (ObjectNode) json.readTree(in);
    }
  }

  @Test
  void aDocumentWithTheVersion2PartsParses() throws IOException {
    var problem = format.parse(workedExample());
    assertThat(problem.stressCheckable()).isTrue();
    assertThat(problem.inputValidator().code()).contains("def validate(scans)");
    assertThat(problem.wrongSolutions()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(problem.wrongSolutions())
        .extracting(Problem.WrongSolution::kind)
        .contains(Problem.WrongSolution.Kind.TOO_SLOW, Problem.WrongSolution.Kind.CRASHES);
  }

  @Test
  void aVersion1DocumentHasNoPartsAndSerialisesWithoutThem() throws IOException {
    var problem = format.parse(bankProblem());
    assertThat(problem.stressCheckable()).isFalse();
    assertThat(problem.inputValidator()).isNull();
    assertThat(problem.wrongSolutions()).isEmpty();
    var written = json.valueToTree(problem);
    assertThat(written.has("wrongSolutions")).isFalse();
    assertThat(written.has("bruteForce")).isFalse();
  }

  @Test
  void anUnknownWrongSolutionKindIsNamed() throws IOException {
    var document = workedExample();
    ((ObjectNode) document.get("wrongSolutions").get(2)).put("kind", "almost-right");
    assertThat(invalid(document).violations())
        .anyMatch(
            v ->
                v.path().contains("wrongSolutions[2].kind")
                    || v.path().contains("/wrongSolutions/2/kind"));
  }

  @Test
  void fewerThanFiveWrongSolutionsAreRefused() throws IOException {
    var document = workedExample();
    var wrong = (ArrayNode) document.get("wrongSolutions");
    while (wrong.size() > 4) {
      wrong.remove(wrong.size() - 1);
    }
    assertThat(invalid(document).violations()).anyMatch(v -> v.path().contains("wrongSolutions"));
  }

  @Test
  void aBruteForceInAnotherLanguageIsRefused() throws IOException {
    var document = workedExample();
    ((ObjectNode) document.get("bruteForce")).put("language", "java");
    assertThat(invalid(document).violations()).anyMatch(v -> v.path().contains("bruteForce"));
  }

  /** The bank problem with another signature, and every test and example made {@code args}. */
  private ObjectNode retyped(String signature, String args, String expected) throws IOException {
    var document = bankProblem();
    document.set("signature", json.readTree(signature));
    for (var field : new String[] {"examples", "publicTests", "hiddenTests"}) {
      for (var test : document.get(field)) {
        ((ObjectNode) test).set("args", json.readTree(args));
        ((ObjectNode) test)
            .set(field.equals("examples") ? "output" : "expected", json.readTree(expected));
      }
    }
    return document;
  }

  @Test
  void listsTreesBigintsMapsAndNullablesAreCheckedInEveryTest() throws IOException {
    var signature =
        "{\"function\": \"f\", \"params\": [{\"name\": \"head\", \"type\": \"ListNode\"},"
            + " {\"name\": \"root\", \"type\": \"TreeNode\"},"
            + " {\"name\": \"big\", \"type\": \"bigint\"},"
            + " {\"name\": \"counts\", \"type\": \"map<string, int?>\"}],"
            + " \"returns\": \"int?[]\"}";
    var good =
        "[[1, 2], [1, null, 2], \"-123456789012345678901234567890\", {\"a\": null, \"b\": 3}]";
    assertThat(format.parse(retyped(signature, good, "[null, 1]")).signature().isPlain()).isFalse();

    var e = invalid(retyped(signature, "[[1, 2.5], [1], \"1\", {}]", "[null]"));
    assertThat(e.violations())
        .contains(
            new ProblemFormat.Violation(
                "$.hiddenTests[0].args[0]",
                "(head) is not a valid ListNode: [1,2.5] ([1] is not an int: 2.5)"));
    e = invalid(retyped(signature, "[[], [null], \"1\", {}]", "[1]"));
    assertThat(e.violations().get(0).message())
        .startsWith("(root) is not a valid TreeNode: [null]");
    e = invalid(retyped(signature, "[[], [], \"1x\", {}]", "[1]"));
    assertThat(e.violations().get(0).message()).contains("(big) is not a valid bigint");
    e = invalid(retyped(signature, "[[], [], 1, {\"a\": \"1\"}]", "[1]"));
    assertThat(e.violations().get(0).message())
        .contains("(counts) is not a valid map<string, int?>")
        .contains("[\"a\"] is not an int: \"1\"");
    e = invalid(retyped(signature, "[[], [], 1, {}]", "[1, 2.5]"));
    assertThat(e.violations().get(0))
        .isEqualTo(
            new ProblemFormat.Violation(
                "$.examples[0].output", "is not a valid int?[]: [1,2.5] ([1] is not an int: 2.5)"));
  }

  @Test
  void aListThatLoopsBackMayBeAnArgumentButNeverAnExpectedValue() throws IOException {
    var signature =
        "{\"function\": \"f\", \"params\": [{\"name\": \"head\", \"type\": \"ListNode\"}],"
            + " \"returns\": \"ListNode\"}";
    var cyclic = "{\"values\": [3, 2, 0], \"tailLinksTo\": 1}";
    assertThat(format.parse(retyped(signature, "[" + cyclic + "]", "[3]")).signature().isPlain())
        .isFalse();

    var e = invalid(retyped(signature, "[{\"values\": [3], \"tailLinksTo\": 1}]", "[3]"));
    assertThat(e.violations().get(0).message())
        .contains("(head) is not a valid ListNode")
        .contains(".tailLinksTo is not an index of the values (0 to 0): 1");
    e = invalid(retyped(signature, "[[3]]", cyclic));
    assertThat(e.violations().get(0))
        .isEqualTo(
            new ProblemFormat.Violation(
                "$.examples[0].output",
                "is not a valid ListNode: {\"values\":[3,2,0],\"tailLinksTo\":1}"));
  }

  @Test
  void aDesignProblemsTestsAreCallSequencesWithOneExpectedReturnPerCall() throws IOException {
    var signature =
        "{\"kind\": \"class\", \"className\": \"Counter\","
            + " \"constructor\": {\"params\": [{\"name\": \"start\", \"type\": \"int\"}]},"
            + " \"methods\": [{\"name\": \"add\", \"params\": [{\"name\": \"by\", \"type\": \"int\"}],"
            + " \"returns\": \"void\"}, {\"name\": \"total\", \"params\": [], \"returns\": \"int\"}]}";
    var calls = "[[\"Counter\", \"add\", \"total\"], [[1], [2], []]]";
    var problem = format.parse(retyped(signature, calls, "[null, null, 3]"));
    assertThat(problem.signature().isClass()).isTrue();

    var e = invalid(retyped(signature, calls, "[null, 2, 3]"));
    assertThat(e.violations().get(0))
        .isEqualTo(
            new ProblemFormat.Violation(
                "$.examples[0].output", "[1] (call 2, add) is not a valid void: 2"));
    e = invalid(retyped(signature, "[[\"Counter\", \"reset\"], [[1], []]]", "[null, null]"));
    assertThat(e.violations().get(0).path()).isEqualTo("$.examples[0].args[0][1]");
    assertThat(e.violations().get(0).message()).contains("not a method of Counter");
    e = invalid(retyped(signature.replace("\"void\"", "\"nothing\""), calls, "[null, null, 3]"));
    assertThat(e.violations()).anyMatch(v -> v.path().contains("signature"));
  }
}
