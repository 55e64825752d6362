package dev.improview.attempt.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an attempt has revealed: read from its {@code hint_revealed} and {@code solution_opened}
 * events, and counted on the attempt's row ({@code hints_used}, {@code solution_viewed}) for the
 * history while the attempt is open.
 */
@Repository
class RevealStore {

  private final JdbcClient jdbc;

  RevealStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The hint indexes revealed, ascending, each once. */
  List<Integer> hints(UUID attempt) {
    return jdbc.sql(
            """
            select distinct (detail ->> 'index')::int as hint from attempt_event
            where attempt_id = :attempt and kind = 'hint_revealed' order by hint
            """)
        .param("attempt", attempt)
        .query(Integer.class)
        .list();
  }

  boolean solutionOpened(UUID attempt) {
    return jdbc.sql(
            "select exists (select 1 from attempt_event"
                + " where attempt_id = :attempt and kind = 'solution_opened')")
        .param("attempt", attempt)
        .query(Boolean.class)
        .single();
  }

  /** Counts hints up to {@code index} as used, if the attempt is still open. */
  void countHint(UUID attempt, int index) {
    jdbc.sql(
            "update attempt set hints_used = greatest(hints_used, :used)"
                + " where id = :attempt and state = 'open'")
        .param("attempt", attempt)
        .param("used", index + 1)
        .update();
  }

  /** Counts the solution as viewed, if the attempt is still open. */
  void countSolution(UUID attempt) {
    jdbc.sql("update attempt set solution_viewed = true where id = :attempt and state = 'open'")
        .param("attempt", attempt)
        .update();
  }
}
