package dev.improview.generation;

/**
 * A step a generation reports as it goes; the events stream names each one. The checking steps
 * after {@code schema} are those of a problem's validation (docs/problem-format.md); a model's
 * draft goes through them, and {@code repairing} starts the next round when one refuses it.
 */
public enum GenerationStep {
  QUEUED("queued"),
  SEARCHING_BANK("searching-bank"),
  DRAFTING("drafting"),
  SCHEMA("schema"),
  ANSWERS("answers"),
  INPUT_VALIDATOR("input-validator"),
  REFERENCES("references"),
  EXAMPLES("examples"),
  STRESS("stress"),
  WRONG_SOLUTIONS("wrong-solutions"),
  MUTATION("mutation"),
  AMPLIFICATION("amplification"),
  TIME_LIMITS("time-limits"),
  REPAIRING("repairing"),
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
