package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draft's values come from executing it, in the real sandbox: the worked example with every
 * expected value and output taken out is proven with exactly the values the bank states; a draft
 * whose references disagree, whose example claims a wrong output, that lacks a part or does not
 * compile is refused at the step that sees it, with the smallest input first.
 */
@SpringBootTest
class DraftProverTests {

  @Autowired DraftProver drafts;
  @Autowired JsonMapper json;

  ObjectNode workedExample() throws IOException {
    try (var in =
        getClass().getResourceAsStream("/bank/arrays-hashing/first-repeated-badge-scan.json")) {
      return (ObjectNode) json.readTree(in);
    }
  }

  /** The worked example with no value stated anywhere. */
  ObjectNode unstated() throws IOException {
    var draft = workedExample();
    for (var list : List.of("publicTests", "hiddenTests")) {
      draft.get(list).forEach(test -> ((ObjectNode) test).remove("expected"));
    }
    draft.get("examples").forEach(example -> ((ObjectNode) example).remove("output"));
    return draft;
  }

  @Test
  void valuesComeFromExecutionAndTheDraftIsProvenStepByStep() throws IOException {
    var bank = workedExample();
    var draft = unstated();
    // Large inputs of 20000 scans: big enough to punish a quadratic scan, small enough to keep.
    var generator = (ObjectNode) draft.get("inputGenerator");
    generator.put(
        "code",
        generator.get("code").asString()
            + "\n\n_small_generate = generate\n\n"
            + "def generate(seed, scale):\n"
            + "    import random as _random\n"
            + "    if scale == \"large\":\n"
            + "        rng = _random.Random(seed)\n"
            + "        return [[rng.randint(0, 10**6) for _ in range(20000)]]\n"
            + "    return _small_generate(seed, scale)\n");
    // One stated value that is wrong: the truth replaces it, and the draft is told.
    ((ObjectNode) draft.get("hiddenTests").get(2)).put("expected", 123456);
    var steps = new ArrayList<DraftProver.Progress>();

    var outcome = drafts.prove(draft, 2, steps::add);

    assertThat(outcome).isInstanceOf(DraftProver.Proven.class);
    var proven = (DraftProver.Proven) outcome;
    var problem = proven.problem();
    int stated = bank.get("hiddenTests").size();
    assertThat(problem.hiddenTests()).hasSizeGreaterThanOrEqualTo(stated + 2);
    assertThat(problem.hiddenTests().get(stated).note())
        .isEqualTo("large, generate(" + DraftProver.LARGE_SEED + ", \"large\")");
    assertThat(problem.hiddenTests().get(stated).args().get(0).size()).isGreaterThan(1000);
    for (int i = 0; i < stated; i++) {
      assertThat(problem.hiddenTests().get(i).expected())
          .as("hiddenTests[%d]", i)
          .isEqualTo(bank.get("hiddenTests").get(i).get("expected"));
    }
    for (int i = 0; i < problem.publicTests().size(); i++) {
      assertThat(problem.publicTests().get(i).expected())
          .isEqualTo(bank.get("publicTests").get(i).get("expected"));
    }
    for (int i = 0; i < problem.examples().size(); i++) {
      assertThat(problem.examples().get(i).output())
          .isEqualTo(bank.get("examples").get(i).get("output"));
    }
    assertThat(proven.claims())
        .singleElement()
        .asString()
        .startsWith("hiddenTests[2]: stated 123456, but the solutions return ");
    assertThat(proven.report().passed()).isTrue();
    assertThat(steps.get(0).detail()).endsWith("; 2 large hidden test(s) generated");
    assertThat(steps)
        .extracting(DraftProver.Progress::step)
        .startsWith("schema", "answers", "input-validator", "reference-javascript")
        .contains("stress", "wrong-solutions", "mutation", "time-limits");
    assertThat(steps.get(1).detail())
        .startsWith("3/3 references agree on all 23 stated inputs, the brute force on the")
        .endsWith("1 stated value(s) corrected");
    assertThat(steps)
        .filteredOn(s -> s.step().equals("stress"))
        .singleElement()
        .satisfies(s -> assertThat(s.detail()).contains("200"));
  }

  @Test
  void referencesThatDisagreeOnAnInputAreRefusedSmallestInputFirst() throws IOException {
    var draft = unstated();
    // Wrong only where the first repeat is a negative id: rare, and the hidden tests have one.
    var solutions = (ObjectNode) draft.get("solutions");
    solutions.put(
        "javascript",
        "function firstRepeatedBadge(scans) {\n"
            + "  const seen = new Set();\n"
            + "  for (const id of scans) {\n"
            + "    if (seen.has(id)) return id < 0 ? -id : id;\n"
            + "    seen.add(id);\n"
            + "  }\n"
            + "  return -1;\n"
            + "}\n");
    var hidden = (ArrayNode) draft.get("hiddenTests");
    hidden.addObject().set("args", json.readTree("[[5, -3, 8, -3, 5, 1, 2, 3, 4, 6, 7, 9]]"));
    hidden.addObject().set("args", json.readTree("[[-2, -2]]"));
    var steps = new ArrayList<DraftProver.Progress>();

    var outcome = drafts.prove(draft, steps::add);

    assertThat(outcome).isInstanceOf(DraftProver.Refused.class);
    var refused = (DraftProver.Refused) outcome;
    assertThat(refused.step()).isEqualTo("answers");
    assertThat(refused.details().get(0))
        .startsWith("hiddenTests[" + (hidden.size() - 1) + "] (args [[-2,-2]]): ")
        .contains("the python reference returned -2, the javascript reference 2");
    assertThat(refused.details()).hasSize(2);
    assertThat(refused.summary()).startsWith("the solutions disagree on 2 of ");
    assertThat(steps).extracting(DraftProver.Progress::step).containsExactly("schema", "answers");
    assertThat(steps.get(1).status()).isEqualTo(ValidationReport.Status.FAILED);
  }

  @Test
  void anExampleWhoseStatedOutputIsWrongIsRefused() throws IOException {
    var draft = unstated();
    ((ObjectNode) draft.get("examples").get(0)).put("output", 999);
    var outcome = drafts.prove(draft, step -> {});
    assertThat(outcome).isInstanceOf(DraftProver.Refused.class);
    var refused = (DraftProver.Refused) outcome;
    assertThat(refused.step()).isEqualTo("answers");
    assertThat(refused.summary())
        .startsWith("an example's stated output is not what the solutions return")
        .contains("examples[0]: stated 999");
  }

  @Test
  void aDraftWithoutThePartsThatProveItOrThatDoesNotCompileIsRefused() throws IOException {
    var bare = unstated();
    bare.remove("bruteForce");
    bare.remove("wrongSolutions");
    var missing = (DraftProver.Refused) drafts.prove(bare, step -> {});
    assertThat(missing.step()).isEqualTo("schema");
    assertThat(missing.details()).containsExactly("bruteForce", "wrongSolutions");

    var broken = unstated();
    ((ObjectNode) broken.get("solutions"))
        .put("java", "class Solution { public int firstRepeatedBadge(int[] scans) { return } }");
    var compile = (DraftProver.Refused) drafts.prove(broken, step -> {});
    assertThat(compile.step()).isEqualTo("answers");
    assertThat(compile.summary()).startsWith("the java reference does not compile: line 1");

    JsonNode notAnObject = json.readTree("[1, 2]");
    var shape = (DraftProver.Refused) drafts.prove(notAnObject, step -> {});
    assertThat(shape.step()).isEqualTo("schema");
    assertThat(shape.summary()).contains("is not a JSON object");
  }
}
