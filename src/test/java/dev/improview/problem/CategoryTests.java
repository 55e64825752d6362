package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CategoryTests {

  @Test
  void everyIdReadsBackAsItsCategory() {
    for (Category category : Category.values()) {
      assertThat(Category.fromId(category.id())).isSameAs(category);
    }
    assertThat(Arrays.stream(Category.values()).map(Category::id))
        .contains("trees", "graphs", "heaps", "backtracking", "tries", "greedy", "intervals")
        .contains("math-geometry", "bit-manipulation")
        .doesNotHaveDuplicates();
  }

  @Test
  void aRetiredIdSaysWhatItWasSplitInto() {
    assertThatThrownBy(() -> Category.fromId("trees-graphs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'trees-graphs' was split into 'trees' and 'graphs'")
        .hasMessageContaining("expected one of: arrays-hashing");
    assertThatThrownBy(() -> Category.fromId("greedy-intervals"))
        .hasMessageContaining("split into 'greedy' and 'intervals'");
  }

  @Test
  void anUnknownIdListsTheValidOnes() {
    assertThatThrownBy(() -> Category.fromId("graph"))
        .hasMessageStartingWith("unknown category 'graph'; expected one of: arrays-hashing, ");
  }
}
