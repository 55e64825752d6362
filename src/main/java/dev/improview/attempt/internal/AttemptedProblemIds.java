package dev.improview.attempt.internal;

import dev.improview.attempt.AttemptedProblems;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link AttemptedProblems} from the account's attempts (index {@code attempt_account_started}).
 */
@Repository
class AttemptedProblemIds implements AttemptedProblems {

  private final JdbcClient jdbc;

  AttemptedProblemIds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> problemIds(UUID account) {
    return new HashSet<>(
        jdbc.sql("select distinct problem_id from attempt where account_id = :account")
            .param("account", account)
            .query(String.class)
            .list());
  }
}
