package dev.improview.generation.internal.llm;

/** One message of a conversation with the model. */
public record LlmMessage(Role role, String text) {

  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }

  public LlmMessage {
    if (role == null || text == null) {
      throw new IllegalArgumentException("role and text are required");
    }
  }

  public static LlmMessage system(String text) {
    return new LlmMessage(Role.SYSTEM, text);
  }

  public static LlmMessage user(String text) {
    return new LlmMessage(Role.USER, text);
  }

  public static LlmMessage assistant(String text) {
    return new LlmMessage(Role.ASSISTANT, text);
  }
}
