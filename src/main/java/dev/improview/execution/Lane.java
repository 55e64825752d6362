package dev.improview.execution;

/**
 * Which capacity a run draws on. Candidates' runs are interactive; the server's own work
 * (validating an imported or generated problem) runs in the background lane, under its own cap, so
 * it can never take the sandboxes candidates are waiting for.
 */
public enum Lane {
  INTERACTIVE,
  BACKGROUND
}
