package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValueTypeTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void parsesScalarsAndArraysAndPrintsThemBack() {
    for (String type :
        new String[] {"int", "long", "double", "boolean", "string", "int[]", "string[][]"}) {
      assertThat(ValueType.parse(type).toString()).isEqualTo(type);
    }
    assertThat(ValueType.parse("long[][]"))
        .isEqualTo(ValueType.arrayOf(ValueType.arrayOf(new ValueType(ValueType.Kind.LONG, null))));
    assertThat(ValueType.parse("int[][]").element()).isEqualTo(ValueType.parse("int[]"));
  }

  @Test
  void rejectsUnknownTypesNamingThem() {
    for (String bad : new String[] {"float", "int[][][]", "Integer", "int []", "", "[]int"}) {
      assertThatThrownBy(() -> ValueType.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + bad + "\"");
    }
  }

  @Test
  void intAcceptsOnlyIntegersInThe32BitRange() {
    ValueType type = ValueType.parse("int");
    assertThat(type.accepts(json("2147483647"))).isTrue();
    assertThat(type.accepts(json("-2147483648"))).isTrue();
    assertThat(type.accepts(json("2147483648"))).isFalse();
    assertThat(type.accepts(json("1.5"))).isFalse();
    assertThat(type.accepts(json("\"1\""))).isFalse();
    assertThat(type.accepts(json("true"))).isFalse();
    assertThat(type.accepts(json("null"))).isFalse();
  }

  @Test
  void intAndLongRejectFloatTokensEvenWhenTheyAreWhole() {
    for (String scalar : new String[] {"int", "long"}) {
      ValueType type = ValueType.parse(scalar);
      for (String number : new String[] {"0.0", "1e0", "-0.0", "2.5", "3.0", "1E2", "1.0e3"}) {
        assertThat(type.accepts(json(number))).as(scalar + " " + number).isFalse();
      }
      assertThat(type.accepts(json("0"))).isTrue();
      assertThat(type.accepts(json("-7"))).isTrue();
    }
  }

  @Test
  void arraysOfIntegersRejectAFloatTokenAtAnyDepth() {
    assertThat(ValueType.parse("int[]").accepts(json("[1, 2, 0.0]"))).isFalse();
    assertThat(ValueType.parse("long[]").accepts(json("[1e0]"))).isFalse();
    assertThat(ValueType.parse("int[][]").accepts(json("[[1], [2, -0.0]]"))).isFalse();
    assertThat(ValueType.parse("long[][]").accepts(json("[[1], [2, 3]]"))).isTrue();
    assertThat(ValueType.parse("double[]").accepts(json("[1, 0.0, 1e0]"))).isTrue();
  }

  @Test
  void longStaysWithinWhatJavaScriptHoldsExactly() {
    ValueType type = ValueType.parse("long");
    assertThat(type.accepts(json("9007199254740992"))).isTrue();
    assertThat(type.accepts(json("-9007199254740992"))).isTrue();
    assertThat(type.accepts(json("9007199254740993"))).isFalse();
    assertThat(type.accepts(json("123456789012345678901234567890"))).isFalse();
  }

  @Test
  void doubleBooleanAndStringAcceptTheirJsonKinds() {
    assertThat(ValueType.parse("double").accepts(json("1"))).isTrue();
    assertThat(ValueType.parse("double").accepts(json("-1.5e300"))).isTrue();
    assertThat(ValueType.parse("double").accepts(json("\"1\""))).isFalse();
    assertThat(ValueType.parse("boolean").accepts(json("false"))).isTrue();
    assertThat(ValueType.parse("boolean").accepts(json("0"))).isFalse();
    assertThat(ValueType.parse("string").accepts(json("\"\""))).isTrue();
    assertThat(ValueType.parse("string").accepts(json("[\"a\"]"))).isFalse();
  }

  @Test
  void arraysCheckDepthAndEveryElement() {
    ValueType grid = ValueType.parse("int[][]");
    assertThat(grid.accepts(json("[[1,2],[],[3]]"))).isTrue();
    assertThat(grid.accepts(json("[]"))).isTrue();
    assertThat(grid.accepts(json("[1,2]"))).isFalse();
    assertThat(grid.accepts(json("[[[1]]]"))).isFalse();
    assertThat(grid.accepts(json("[[1,2.5]]"))).isFalse();
    assertThat(ValueType.parse("string[]").accepts(json("[\"a\", null]"))).isFalse();
  }

  @Test
  void readsTheNewTypesAndWritesThemCanonically() {
    assertThat(ValueType.parse("map<string,int[]>").toString()).isEqualTo("map<string, int[]>");
    assertThat(ValueType.parse("map< string , map<string, bigint?> >[]").toString())
        .isEqualTo("map<string, map<string, bigint?>>[]");
    for (String type :
        new String[] {
          "bigint",
          "ListNode",
          "TreeNode",
          "ListNode[]",
          "TreeNode[][]",
          "int?",
          "int?[]",
          "int[]?",
          "string?[]?",
          "map<string, int>",
          "map<string, ListNode>?"
        }) {
      assertThat(ValueType.parse(type).toString()).isEqualTo(type);
    }
    ValueType nullableArray = ValueType.parse("int?[]");
    assertThat(nullableArray.kind()).isEqualTo(ValueType.Kind.ARRAY);
    assertThat(nullableArray.element().kind()).isEqualTo(ValueType.Kind.NULLABLE);
    assertThat(nullableArray.base().kind()).isEqualTo(ValueType.Kind.INT);
    assertThat(ValueType.parse("int[][]").isPlain()).isTrue();
    assertThat(ValueType.parse("int?").isPlain()).isFalse();
  }

  @Test
  void refusesWhatTheGrammarDoesNotAllowSayingWhy() {
    String[][] cases = {
      {"int??", "? twice"},
      {"ListNode?", "already is null"},
      {"TreeNode?", "already is null"},
      {"map<int, int>", "map keys are string"},
      {"map<string, int", "\">\" expected"},
      {"int[][][]", "more than 2 []"},
      {"map<string, map<string, map<string, map<string, int[]>>>>", "more than 4"},
      {"void", "design method"},
      {"Map<string, int>", "unknown type \"Map\""},
      {"int[]" + "?".repeat(0) + "x".repeat(120), "longer than 100"}
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> ValueType.parse(c[0]))
          .as(c[0])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(c[1]);
    }
    assertThat(ValueType.parseReturn("void")).isEqualTo(ValueType.VOID);
  }

  @Test
  void misfitNamesTheFirstBadPlace() {
    assertThat(ValueType.parse("int[][]").misfit(json("[[1], [2, 2.5]]")))
        .isEqualTo("[1][1] is not an int: 2.5");
    assertThat(ValueType.parse("map<string, int[]>").misfit(json("{\"a\": [1], \"b\": [true]}")))
        .isEqualTo("[\"b\"][0] is not an int: true");
    assertThat(ValueType.parse("ListNode").misfit(json("[1, \"2\"]")))
        .isEqualTo("[1] is not an int: \"2\"");
    assertThat(ValueType.parse("ListNode").misfit(json("null"))).startsWith("is not an array");
    assertThat(ValueType.parse("int?[]").misfit(json("[1, null, 3]"))).isNull();
    assertThat(ValueType.parse("int[]").misfit(json("[1, null]")))
        .isEqualTo("[1] is not an int: null");
    assertThat(ValueType.parse("int[]?").misfit(json("null"))).isNull();
  }

  @Test
  void aListThatLoopsBackIsAnArgumentFormOnly() {
    ValueType list = ValueType.parse("ListNode");
    for (String ok :
        new String[] {
          "{\"values\": [3, 2, 0, -4], \"tailLinksTo\": 1}", "{\"tailLinksTo\": 0, \"values\": [5]}"
        }) {
      assertThat(list.misfit(json(ok))).as(ok).isNull();
      // Runners never write one: a returned cycle is an error, so no test can expect one.
      assertThat(list.returnMisfit(json(ok))).as(ok).startsWith("is not an array");
    }
    String[][] refused = {
      {"{\"values\": [1, 2]}", "has no \"tailLinksTo\": a list without a cycle is an array"},
      {"{\"tailLinksTo\": 0}", "has no \"values\""},
      {"{\"values\": [], \"tailLinksTo\": 0}", ".values is empty"},
      {
        "{\"values\": [1, 2], \"tailLinksTo\": 2}",
        ".tailLinksTo is not an index of the values (0 to 1): 2"
      },
      {"{\"values\": [1, 2], \"tailLinksTo\": -1}", "(0 to 1): -1"},
      {"{\"values\": [1, 2], \"tailLinksTo\": 1.0}", "(0 to 1): 1.0"},
      {"{\"values\": [1, 2.5], \"tailLinksTo\": 0}", ".values[1] is not an int: 2.5"},
      {"{\"values\": [1], \"tailLinksTo\": 0, \"pos\": 0}", "has the key \"pos\""}
    };
    for (String[] c : refused) {
      assertThat(list.misfit(json(c[0]))).as(c[0]).contains(c[1]);
    }
    // Each element of a ListNode[] takes either form; the place names the element.
    assertThat(
            ValueType.parse("ListNode[]")
                .misfit(json("[[1], {\"values\": [1], \"tailLinksTo\": 0}, {\"values\": [1]}]")))
        .startsWith("[2] has no \"tailLinksTo\"");
    assertThat(list.canonical(json("{\"tailLinksTo\": 0, \"values\": [5]}")).toString())
        .isEqualTo("{\"values\":[5],\"tailLinksTo\":0}");
    assertThat(list.canonical(json("[1,2]"))).isEqualTo(json("[1,2]"));
  }

  @Test
  void treesAreLevelOrderWithHolesAndNoOrphans() {
    ValueType tree = ValueType.parse("TreeNode");
    for (String ok :
        new String[] {"[]", "[1]", "[1,null,2,3]", "[1,2,3,null,4,null,5]", "[1,null]"}) {
      assertThat(tree.misfit(json(ok))).as(ok).isNull();
    }
    assertThat(tree.misfit(json("[null]"))).startsWith("[0] is null");
    // 1 has two places: null fills one, 2 the other; 2's two are nulls; 3 has no parent.
    assertThat(tree.misfit(json("[1,null,2,null,null,3]"))).startsWith("[5] has no parent");
    assertThat(tree.misfit(json("[1,null,null,7]"))).startsWith("[3] has no parent");
    assertThat(tree.misfit(json("[1,2.5]"))).isEqualTo("[1] is not an int or null: 2.5");
    assertThat(tree.canonical(json("[1,null,2,null,null]"))).isEqualTo(json("[1,null,2]"));
  }

  @Test
  void bigintsAreDigitsWithinALimitAndCanonicalAsStrings() {
    ValueType big = ValueType.parse("bigint");
    assertThat(big.misfit(json("\"-123456789012345678901234567890\""))).isNull();
    assertThat(big.misfit(json("12345678901234567890123"))).isNull();
    assertThat(big.misfit(json("\"12a\""))).contains("decimal digits");
    assertThat(big.misfit(json("\"+5\""))).contains("decimal digits");
    assertThat(big.misfit(json("1.5"))).contains("a string of digits or an integer");
    assertThat(big.misfit(json("\"" + "9".repeat(4001) + "\""))).contains("more than 4000");
    assertThat(big.misfit(json("\"" + "9".repeat(4000) + "\""))).isNull();
    assertThat(big.canonical(json("\"-0007\""))).isEqualTo(json("\"-7\""));
    assertThat(big.canonical(json("\"-0\""))).isEqualTo(json("\"0\""));
    assertThat(big.canonical(json("42"))).isEqualTo(json("\"42\""));
    assertThat(ValueType.parse("bigint?[]").canonical(json("[null, 5]")))
        .isEqualTo(json("[null, \"5\"]"));
  }
}
