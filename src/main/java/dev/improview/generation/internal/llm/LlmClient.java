package dev.improview.generation.internal.llm;

import dev.improview.generation.LlmProvider;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One conversation turn with the configured model: the messages so far in, the model's reply out,
 * asking for a JSON document that follows {@code schema} (structured output, strict, where the
 * provider supports it). Transient failures (429, 5xx, timeouts, a dropped connection) are retried
 * with backoff and jitter, honouring {@code Retry-After}; what is left is thrown. No key ever
 * appears in a message, an exception or a log line.
 */
public interface LlmClient {

  /** Who answers: never {@link LlmProvider#NONE} (no client exists then). */
  LlmProvider provider();

  /** The model asked, as configured. */
  String model();

  /**
   * @param schemaName a short name for the schema ({@code [a-zA-Z0-9_-]{1,64}})
   * @param schema the JSON Schema the reply must follow
   * @throws LlmException when the model could not be reached or refused, after retries
   */
  LlmReply complete(List<LlmMessage> conversation, String schemaName, JsonNode schema);
}
