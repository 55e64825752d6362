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
    assertThat(ValueType.parse("long[][]")).isEqualTo(new ValueType(ValueType.Scalar.LONG, 2));
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
}
