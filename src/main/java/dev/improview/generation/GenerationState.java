package dev.improview.generation;

/** Where a generation is: waiting, working, or done one way or the other. */
public enum GenerationState {
  QUEUED("queued"),
  RUNNING("running"),
  READY("ready"),
  FAILED("failed");

  private final String id;

  GenerationState(String id) {
    this.id = id;
  }

  /** The wire name. */
  public String id() {
    return id;
  }

  /** True once the generation can change no more. */
  public boolean isFinal() {
    return this == READY || this == FAILED;
  }
}
