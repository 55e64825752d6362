package dev.improview.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The type grammar's shared cases ({@code value-types.json}): the web app's parser reads the same
 * file in its own test, so the server and the page agree on every name.
 */
class ValueTypeGrammarTest {

  static final JsonNode CASES =
      JsonMapper.builder()
          .build()
          .readTree(Path.of("src/test/resources/value-types.json").toFile());

  @Test
  void everyValidNameParsesToItsCanonicalForm() {
    for (JsonNode c : CASES.get("valid")) {
      String name = c.get("name").asString();
      ValueType type = ValueType.parse(name);
      assertThat(type.toString()).as(name).isEqualTo(c.get("canonical").asString());
      assertThat(ValueType.parse(type.toString())).as(name).isEqualTo(type);
    }
  }

  @Test
  void everyInvalidNameIsRefusedNamingIt() {
    for (JsonNode c : CASES.get("invalid")) {
      String name = c.asString();
      assertThatThrownBy(() -> ValueType.parse(name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unsupported type");
    }
  }
}
