package dev.improview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonErrorsTests {

  record Body(String name, int count, List<Item> items) {}

  record Item(String label) {}

  static final JsonMapper JSON = JsonMapper.builder().build();

  static String detailFor(String json) {
    return JsonErrors.describe(catchThrowable(() -> JSON.readValue(json, Body.class)));
  }

  @Test
  void limitsSayWhichAndNotJacksonsSettingName() {
    var deep = "{\"args\":" + "[".repeat(600) + "]".repeat(600) + "}";
    var detail = JsonErrors.describe(catchThrowable(() -> JSON.readTree(deep)));
    assertThat(detail)
        .isEqualTo(
            "The JSON is beyond a limit: Document nesting depth (501) exceeds the maximum allowed"
                + " (500)")
        .doesNotContain("StreamReadConstraints");
  }

  @Test
  void aWrongTypeNamesTheFieldPathInJsonWords() {
    assertThat(detailFor("{\"items\":[{\"label\":[1]}]}"))
        .isEqualTo("'items[0].label' must be a string, not an array (line 1, column 20).");
    assertThat(detailFor("{\"count\":\"many\"}")).startsWith("'count' must be an integer");
  }

  @Test
  void longTokensAreNotEchoed() {
    var detail = detailFor("{\"name\": " + "z".repeat(10_000) + "}");
    assertThat(detail)
        .contains("Unrecognized token 'zzzz")
        .hasSizeLessThan(JsonErrors.MAX_MESSAGE + 60);
  }
}
