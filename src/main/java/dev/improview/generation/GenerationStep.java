package dev.improview.generation;

/** A step a generation reports as it goes; the events stream names each one. */
public enum GenerationStep {
  QUEUED("queued"),
  SEARCHING_BANK("searching-bank"),
  READY("ready"),
  FAILED("failed");

  private final String id;

  GenerationStep(String id) {
    this.id = id;
  }

  /** The wire name, also the SSE event name. */
  public String id() {
    return id;
  }
}
