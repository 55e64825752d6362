package dev.improview.attempt;

import java.util.Set;
import java.util.UUID;

/** Which problems an account has tried: what a generation must not serve it again. */
public interface AttemptedProblems {

  /** The ids of the problems {@code account} has any attempt at, open or ended. */
  Set<String> problemIds(UUID account);
}
