package dev.improview.generation.internal.llm;

/**
 * What the model answered: its text (the JSON document asked for, unchecked), the tokens the
 * provider counted (0 when it did not say), and how many HTTP attempts it took (1 without retries).
 */
public record LlmReply(String text, long promptTokens, long completionTokens, int attempts) {

  public LlmReply {
    if (text == null) {
      throw new IllegalArgumentException("text is required (empty when the model said nothing)");
    }
    if (promptTokens < 0 || completionTokens < 0 || attempts < 1) {
      throw new IllegalArgumentException(
          "tokens must be 0 or more and attempts 1 or more: "
              + promptTokens
              + ", "
              + completionTokens
              + ", "
              + attempts);
    }
  }
}
