package dev.improview.execution;

/** A compiler (or syntax) error in user code; line and column are 1-based, 0 when unknown. */
public record Diagnostic(int line, int column, String message) {

  public Diagnostic {
    if (line < 0) {
      throw new IllegalArgumentException("line < 0: " + line);
    }
    if (column < 0) {
      throw new IllegalArgumentException("column < 0: " + column);
    }
    if (message == null) {
      throw new IllegalArgumentException("message is null");
    }
  }
}
