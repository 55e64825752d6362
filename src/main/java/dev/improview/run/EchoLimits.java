package dev.improview.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code improview.runs.*}: how much of each value a run's response echoes back. A value (an
 * argument, the expected or the returned value) whose JSON is longer than {@code echoValueBytes} is
 * not sent whole: the field is null and {@code shortened} names it with its size and the first
 * {@code previewBytes} of its JSON, so the page can say what it left out.
 */
@ConfigurationProperties("improview.runs")
record EchoLimits(
    @DefaultValue("16384") int echoValueBytes, @DefaultValue("1024") int previewBytes) {

  EchoLimits {
    if (echoValueBytes < 64) {
      throw new IllegalArgumentException("improview.runs.echo-value-bytes < 64: " + echoValueBytes);
    }
    if (previewBytes < 16 || previewBytes > echoValueBytes) {
      throw new IllegalArgumentException(
          "improview.runs.preview-bytes must be between 16 and echo-value-bytes: " + previewBytes);
    }
  }

  /** A value that was not echoed whole: its size and how it begins. */
  record Shortened(long bytes, String preview) {}

  /** Collects, for one test, the values that were too long to echo. */
  final class Echo {
    private final ObjectMapper json;
    private final Map<String, Shortened> shortened = new LinkedHashMap<>();

    Echo(ObjectMapper json) {
      this.json = json;
    }

    /** The value itself when it is short enough, else null (and it is listed as shortened). */
    JsonNode value(String name, JsonNode value) {
      if (value == null || value.isNull()) {
        return value;
      }
      String text = json.writeValueAsString(value);
      if (text.length() <= echoValueBytes) {
        return value;
      }
      int end = Math.min(text.length(), previewBytes);
      if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      shortened.put(name, new Shortened(text.length(), text.substring(0, end)));
      return null;
    }

    /**
     * The shortened values by name ({@code args[1]}, {@code expected}, {@code actual}), or null.
     */
    Map<String, Shortened> shortened() {
      return shortened.isEmpty() ? null : Map.copyOf(shortened);
    }
  }

  Echo echo(ObjectMapper json) {
    return new Echo(json);
  }
}
