package dev.improview.execution;

/** The outcome of one test, or of a whole run. */
public enum Verdict {
  /** Returned the expected value (decided by the judge). */
  PASSED,
  /**
   * Ran fine and returned a well-typed value. The engine stops here; the judge turns it into PASSED
   * or WRONG_ANSWER where the test has an expected value, and keeps it where it has none.
   */
  COMPLETED,
  /** A submission that passed every test, public and hidden: only a submission is accepted. */
  ACCEPTED,
  /** Returned a value that does not match the expected one (decided by the judge). */
  WRONG_ANSWER,
  /** Threw, overflowed its stack, returned a value of the wrong type or ended the process. */
  RUNTIME_ERROR,
  /** Used more than its CPU time, or the run's wall time ran out during it. */
  TIME_LIMIT_EXCEEDED,
  /** Used more memory than allowed. */
  MEMORY_LIMIT_EXCEEDED,
  /** Printed more than the per-stream cap, or returned a value larger than the result cap. */
  OUTPUT_LIMIT_EXCEEDED,
  /** The code did not compile, or does not declare the function the signature asks for. */
  COMPILE_ERROR,
  /** Our fault (the runner or the sandbox failed); never the user's. */
  INTERNAL_ERROR,
  /** Never ran: an earlier test ended the run. */
  NOT_RUN;

  /**
   * The overall verdict of tests in order: the first that is not a success, else PASSED, or
   * COMPLETED when some test only completed (had no expected value).
   */
  public static Verdict overall(Iterable<Verdict> verdicts) {
    boolean completed = false;
    for (Verdict verdict : verdicts) {
      if (!verdict.isSuccess()) {
        return verdict;
      }
      completed |= verdict == COMPLETED;
    }
    return completed ? COMPLETED : PASSED;
  }

  /** True for verdicts that count as success. */
  public boolean isSuccess() {
    return this == PASSED || this == COMPLETED || this == ACCEPTED;
  }
}
