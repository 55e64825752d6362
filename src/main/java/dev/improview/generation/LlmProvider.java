package dev.improview.generation;

import java.util.Arrays;
import java.util.Optional;

/** The model vendor generations go to ({@code IMPROVIEW_LLM_PROVIDER}); none serves the bank. */
public enum LlmProvider {
  NONE("none"),
  OPENAI("openai"),
  XAI("xai"),
  OPENAI_COMPATIBLE("openai-compatible");

  private final String id;

  LlmProvider(String id) {
    this.id = id;
  }

  /** The wire and configuration name. */
  public String id() {
    return id;
  }

  /** The provider with this configuration name (case-insensitive), if any. */
  public static Optional<LlmProvider> fromId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equalsIgnoreCase(id.strip())).findFirst();
  }
}
