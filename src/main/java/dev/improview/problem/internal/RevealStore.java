package dev.improview.problem.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each client has revealed of each problem: hints by index and the solution ({@code reveal}).
 */
@Repository
class RevealStore {

  private final JdbcClient jdbc;

  RevealStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many hints of the problem the client has revealed. */
  int hintsRevealed(UUID client, String problemId) {
    return jdbc.sql(
            """
            select count(*) from reveal
            where client_id = :client and problem_id = :problem and kind = 'hint'
            """)
        .param("client", client)
        .param("problem", problemId)
        .query(Integer.class)
        .single();
  }

  /** The indexes of the hints the client has revealed, lowest first. */
  List<Integer> revealedHintIndexes(UUID client, String problemId) {
    return jdbc.sql(
            """
            select hint_index from reveal
            where client_id = :client and problem_id = :problem and kind = 'hint'
            order by hint_index
            """)
        .param("client", client)
        .param("problem", problemId)
        .query(Integer.class)
        .list();
  }

  /** Whether the client has opened the problem's solution. */
  boolean solutionViewed(UUID client, String problemId) {
    return jdbc.sql(
                """
                select count(*) from reveal
                where client_id = :client and problem_id = :problem and kind = 'solution'
                """)
            .param("client", client)
            .param("problem", problemId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Records that the client revealed hint {@code index}; revealing it again changes nothing. */
  void recordHint(UUID client, String problemId, int index) {
    jdbc.sql(
            """
            insert into reveal (client_id, problem_id, kind, hint_index)
            values (:client, :problem, 'hint', :index) on conflict do nothing
            """)
        .param("client", client)
        .param("problem", problemId)
        .param("index", index)
        .update();
  }

  /** Records that the client opened the solution; opening it again changes nothing. */
  void recordSolution(UUID client, String problemId) {
    jdbc.sql(
            """
            insert into reveal (client_id, problem_id, kind)
            values (:client, :problem, 'solution') on conflict do nothing
            """)
        .param("client", client)
        .param("problem", problemId)
        .update();
  }
}
