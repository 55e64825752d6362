package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private static tools.jackson.databind.JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void exactIsDeepOrderedEqualityWhereOneEqualsOnePointZero() {
    Comparison exact = Comparison.exact();
    assertThat(exact.matches(json("[[1,2],[3]]"), json("[[1.0,2],[3]]"))).isTrue();
    assertThat(exact.matches(json("[1,2]"), json("[2,1]"))).isFalse();
    assertThat(exact.matches(json("[1,2]"), json("[1,2,3]"))).isFalse();
    assertThat(exact.matches(json("\"ab\""), json("\"ab\""))).isTrue();
    assertThat(exact.matches(json("\"1\""), json("1"))).isFalse();
    assertThat(exact.matches(json("true"), json("1"))).isFalse();
    assertThat(exact.matches(json("0.1"), json("0.10000001"))).isFalse();
    assertThat(exact.matches(json("9007199254740993"), json("9007199254740992"))).isFalse();
  }

  @Test
  void unorderedComparesTheTopLevelArrayAsAMultiset() {
    Comparison unordered = Comparison.unordered();
    assertThat(unordered.matches(json("[[1,2],[3,4]]"), json("[[3,4],[1,2]]"))).isTrue();
    assertThat(unordered.matches(json("[1,1,2]"), json("[2,1,1.0]"))).isTrue();
    assertThat(unordered.matches(json("[1,1,2]"), json("[1,2,2]"))).isFalse();
    assertThat(unordered.matches(json("[[1,2]]"), json("[[2,1]]"))).isFalse();
    assertThat(unordered.matches(json("[]"), json("[]"))).isTrue();
    assertThat(unordered.matches(json("[\"a\",\"b\"]"), json("[\"b\",\"a\"]"))).isTrue();
    assertThat(unordered.matches(json("5"), json("5"))).isTrue();
    assertThat(unordered.matches(json("[100, 2.5, 0]"), json("[0.0, 2.50, 100.0]"))).isTrue();
    assertThat(unordered.matches(json("[[100], [1e2]]"), json("[[1E+2], [100]]"))).isTrue();
    assertThat(unordered.matches(json("[100]"), json("[101]"))).isFalse();
  }

  @Test
  void unorderedHandlesLargeAnswersQuickly() {
    StringBuilder expected = new StringBuilder("[");
    StringBuilder actual = new StringBuilder("[");
    int n = 50_000;
    for (int i = 0; i < n; i++) {
      expected.append(i == 0 ? "" : ",").append(i);
      actual.append(i == 0 ? "" : ",").append(n - 1 - i);
    }
    long start = System.nanoTime();
    assertThat(
            Comparison.unordered()
                .matches(
                    json(expected.append(']').toString()), json(actual.append(']').toString())))
        .isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
  }

  @Test
  void floatAllowsAbsoluteOrRelativeDifferenceDeep() {
    Comparison within = Comparison.floatWithin(1e-6);
    assertThat(within.matches(json("0.3"), json("0.30000000000000004"))).isTrue();
    assertThat(within.matches(json("[1.0,[2.0]]"), json("[1.0000005,[1.9999995]]"))).isTrue();
    assertThat(within.matches(json("0.3"), json("0.3001"))).isFalse();
    // Relative: 1e9 off by 100 is within 1e-6 of 1e9.
    assertThat(within.matches(json("1e9"), json("1000000100"))).isTrue();
    assertThat(within.matches(json("1e9"), json("1000010000"))).isFalse();
    assertThat(within.matches(json("[1.0]"), json("[1.0,2.0]"))).isFalse();
  }

  @Test
  void toleranceIsValidatedPerMode() {
    assertThatThrownBy(() -> Comparison.floatWithin(0)).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> Comparison.floatWithin(Double.NaN)).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> new Comparison(Comparison.Mode.EXACT, 0.1))
        .hasMessageContaining("float only");
    assertThat(Comparison.fromJson("float", 0.001)).isEqualTo(Comparison.floatWithin(0.001));
    assertThatThrownBy(() -> Comparison.fromJson("fuzzy", null)).hasMessageContaining("fuzzy");
  }
}
