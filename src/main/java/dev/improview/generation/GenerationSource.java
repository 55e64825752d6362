package dev.improview.generation;

/** Where a served problem came from. */
public enum GenerationSource {
  /** The built-in bank: picked, never written, for this request. */
  BANK("bank"),
  /** Written by the configured model for this request (or the pool) and proven by execution. */
  LLM("llm");

  private final String id;

  GenerationSource(String id) {
    this.id = id;
  }

  /** The wire name. */
  public String id() {
    return id;
  }
}
