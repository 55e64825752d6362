package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SignatureTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static final String HIT_COUNTER =
      """
      {"kind": "class", "className": "HitCounter",
       "constructor": {"params": [{"name": "window", "type": "int"}]},
       "methods": [{"name": "hit", "params": [{"name": "at", "type": "int"}], "returns": "void"},
                   {"name": "countSince", "params": [{"name": "at", "type": "int"}],
                    "returns": "int"}]}
      """;

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  static Signature read(String text) {
    return JSON.readValue(text, Signature.class);
  }

  @Test
  void aFunctionReadsAndWritesTheFormatItAlwaysHad() {
    String text =
        "{\"function\":\"twoSum\",\"params\":[{\"name\":\"nums\",\"type\":\"int[]\"}],"
            + "\"returns\":\"int?\"}";
    Signature signature = read(text);
    assertThat(signature.isClass()).isFalse();
    assertThat(signature.returns()).isEqualTo(ValueType.nullable(ValueType.INT));
    assertThat(JSON.writeValueAsString(signature)).isEqualTo(text);
  }

  @Test
  void aClassReadsAndWritesTheClassForm() {
    Signature signature = read(HIT_COUNTER);
    assertThat(signature.isClass()).isTrue();
    assertThat(signature.design().className()).isEqualTo("HitCounter");
    assertThat(signature.design().method("countSince").orElseThrow().returns())
        .isEqualTo(ValueType.INT);
    assertThat(signature.design().method("hit").orElseThrow().returns().isVoid()).isTrue();
    assertThat(json(JSON.writeValueAsString(signature))).isEqualTo(json(HIT_COUNTER));
    assertThat(signature.functionName(Language.PYTHON)).isEqualTo("HitCounter");
    assertThat(signature.design().method("countSince").orElseThrow().name(Language.PYTHON))
        .isEqualTo("count_since");
  }

  @Test
  void aClassWithFunctionFieldsOrWithoutMethodsIsRefused() {
    assertThatThrownBy(() -> read(HIT_COUNTER.replace("\"kind\": \"class\",", "")))
        .hasMessageContaining("belong to kind \"class\"");
    assertThatThrownBy(() -> read(HIT_COUNTER.replace("\"class\"", "\"struct\"")))
        .hasMessageContaining("valid: function, the default, and class");
    assertThatThrownBy(
            () ->
                read(
                    "{\"kind\":\"class\",\"className\":\"Box\",\"constructor\":{\"params\":[]},"
                        + "\"methods\":[]}"))
        .hasMessageContaining("methods is empty");
    assertThatThrownBy(() -> read("{\"function\":\"f\",\"params\":[],\"returns\":\"void\"}"))
        .hasMessageContaining("void");
  }

  @Test
  void aCallSequenceIsCheckedCallByCall() {
    Signature s = read(HIT_COUNTER);
    assertThat(s.argsMisfit(json("[[\"HitCounter\", \"hit\", \"countSince\"], [[300], [1], [2]]]")))
        .isNull();
    assertThat(s.argsMisfit(json("[[\"HitCounter\"]]")).problem()).contains("a design test has 2");
    assertThat(s.argsMisfit(json("[[\"Hits\"], [[300]]]")).toString())
        .isEqualTo("[0][0] is \"Hits\"; the first call constructs the class: HitCounter");
    assertThat(s.argsMisfit(json("[[\"HitCounter\", \"reset\"], [[300], []]]")).toString())
        .isEqualTo("[0][1] is not a method of HitCounter: \"reset\" (methods: hit, countSince)");
    assertThat(s.argsMisfit(json("[[\"HitCounter\", \"hit\"], [[300]]]")).at()).isEqualTo("[1]");
    assertThat(s.argsMisfit(json("[[\"HitCounter\", \"hit\"], [[300], [1, 2]]]")).toString())
        .isEqualTo("[1][1] is not the 1 argument(s) of call 2, hit(at): [1,2]");
    assertThat(s.argsMisfit(json("[[\"HitCounter\", \"hit\"], [[300], [\"1\"]]]")).toString())
        .isEqualTo("[1][1][0] (at) is not a valid int: \"1\"");
  }

  @Test
  void aDesignResultHasOneReturnPerCallOfItsMethodsType() {
    Signature s = read(HIT_COUNTER);
    JsonNode args = json("[[\"HitCounter\", \"hit\", \"countSince\"], [[300], [1], [2]]]");
    assertThat(s.resultMisfit(args, json("[null, null, 1]"))).isNull();
    assertThat(s.resultMisfit(args, json("[null, null]"))).contains("one value per call (3");
    assertThat(s.resultMisfit(args, json("[null, 5, 1]")))
        .isEqualTo("[1] (call 2, hit) is not a valid void: 5");
    assertThat(s.resultMisfit(args, json("[null, null, \"1\"]")))
        .isEqualTo("[2] (call 3, countSince) is not a valid int: \"1\"");
  }

  @Test
  void argumentsAndResultsAreMadeCanonical() {
    Signature s =
        read(
            "{\"function\":\"grow\",\"params\":[{\"name\":\"root\",\"type\":\"TreeNode\"},"
                + "{\"name\":\"by\",\"type\":\"bigint\"}],\"returns\":\"bigint[]\"}");
    assertThat(s.canonicalArgs(json("[[1, null, null], 7]"))).isEqualTo(json("[[1], \"7\"]"));
    assertThat(s.canonicalResult(json("[[1], 7]"), json("[1, \"-02\"]")))
        .isEqualTo(json("[\"1\", \"-2\"]"));
    assertThat(s.argsMisfit(json("[[1], \"x\"]")).toString())
        .startsWith("[1] (by) is not a valid bigint: \"x\"");
    assertThat(s.argsMisfit(json("[[1, null, 2, null, null, 3], 1]")).toString())
        .isEqualTo(
            "[0] (root) is not a valid TreeNode: [1,null,2,null,null,3] ([5] has no parent:"
                + " every node before it is already placed (the children of a missing node are"
                + " not listed))");
  }
}
