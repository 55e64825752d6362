package dev.improview.attempt.internal;

import static dev.improview.attempt.internal.AttemptStore.instant;

import dev.improview.platform.AccountData;
import dev.improview.platform.BlobStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The attempt module's part of an account's data (section {@code attempts}): its attempts with
 * their events, the hints and solutions it revealed, and its submissions with their code. Erasing
 * removes the rows and then the blobs (code, full reports) that no other submission names: blobs
 * are shared by content, so another account's identical code keeps its file.
 */
@Repository
class AttemptData implements AccountData {

  private static final Logger log = LoggerFactory.getLogger(AttemptData.class);

  /** The export's section. */
  record Section(
      List<AttemptRecord> attempts,
      List<RevealRecord> reveals,
      List<SubmissionRecord> submissions) {}

  record AttemptRecord(
      UUID id,
      String problemId,
      int problemVersion,
      String category,
      String difficulty,
      String language,
      String state,
      Instant startedAt,
      Instant endedAt,
      long timerElapsedMillis,
      int hintsUsed,
      boolean solutionViewed,
      int submissions,
      String lastVerdict,
      Long solvedMillis,
      List<EventRecord> events) {}

  record EventRecord(String kind, Instant at, JsonNode detail) {}

  /** A hint ({@code hintIndex} from 0) or the solution, uncovered during an attempt. */
  record RevealRecord(
      UUID attemptId, String problemId, String kind, Integer hintIndex, Instant at) {}

  /** A submission with its code as text (the blob's content, not its key). */
  record SubmissionRecord(
      UUID id,
      UUID attemptId,
      String problemId,
      int problemVersion,
      String language,
      String code,
      String state,
      String verdict,
      Integer passed,
      Integer total,
      long elapsedMillis,
      Instant createdAt,
      Instant finishedAt,
      JsonNode result,
      String failure) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final BlobStore blobs;

  AttemptData(JdbcClient jdbc, JsonMapper json, BlobStore blobs) {
    this.jdbc = jdbc;
    this.json = json;
    this.blobs = blobs;
  }

  @Override
  public String section() {
    return "attempts";
  }

  @Override
  public Section export(UUID account) {
    var events = new HashMap<UUID, List<EventRecord>>();
    jdbc.sql(
            """
            select e.attempt_id, e.kind, e.at, e.detail::text as detail
            from attempt_event e join attempt a on a.id = e.attempt_id
            where a.account_id = :account order by e.at, e.id
            """)
        .param("account", account)
        .query(
            rs -> {
              events
                  .computeIfAbsent(rs.getObject("attempt_id", UUID.class), id -> new ArrayList<>())
                  .add(
                      new EventRecord(rs.getString("kind"), instant(rs, "at"), tree(rs, "detail")));
            });
    var attempts =
        jdbc.sql(
                """
                select id, problem_id, problem_version, category, difficulty, language, state,
                       started_at, ended_at, timer_elapsed_millis, hints_used, solution_viewed,
                       submissions, last_verdict, solved_millis
                from attempt where account_id = :account order by started_at, id
                """)
            .param("account", account)
            .query(
                (rs, row) ->
                    attempt(rs, events.getOrDefault(rs.getObject("id", UUID.class), List.of())))
            .list();
    var reveals =
        jdbc.sql(
                """
                select e.attempt_id, a.problem_id, e.kind, e.detail ->> 'index' as hint_index, e.at
                from attempt_event e join attempt a on a.id = e.attempt_id
                where a.account_id = :account and e.kind in ('hint_revealed', 'solution_opened')
                order by e.at, e.id
                """)
            .param("account", account)
            .query(
                (rs, row) ->
                    new RevealRecord(
                        rs.getObject("attempt_id", UUID.class),
                        rs.getString("problem_id"),
                        rs.getString("kind").equals("hint_revealed") ? "hint" : "solution",
                        rs.getString("hint_index") == null
                            ? null
                            : Integer.valueOf(rs.getString("hint_index")),
                        instant(rs, "at")))
            .list();
    var submissions =
        jdbc.sql(
                """
                select id, attempt_id, problem_id, problem_version, language, code_key, state,
                       verdict, passed, total, elapsed_millis, created_at, finished_at,
                       result::text as result, failure
                from submission where account_id = :account order by created_at, id
                """)
            .param("account", account)
            .query(this::submission)
            .list();
    return new Section(attempts, reveals, submissions);
  }

  @Override
  public void erase(UUID account) {
    var keys = new LinkedHashSet<String>();
    keys.addAll(
        jdbc.sql("select code_key from submission where account_id = :account")
            .param("account", account)
            .query(String.class)
            .list());
    keys.addAll(
        jdbc.sql(
                "select report_key from submission where account_id = :account"
                    + " and report_key is not null")
            .param("account", account)
            .query(String.class)
            .list());
    // Submissions cascade from their attempts, events too; the submissions first all the same, in
    // case a submission ever outlives its attempt's row.
    jdbc.sql("delete from submission where account_id = :account")
        .param("account", account)
        .update();
    jdbc.sql("delete from attempt where account_id = :account").param("account", account).update();
    if (keys.isEmpty()) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              deleteUnreferenced(keys);
            }
          });
    } else {
      deleteUnreferenced(keys);
    }
  }

  /** Deletes those of {@code keys} that no submission names any more (another account's may). */
  private void deleteUnreferenced(Set<String> keys) {
    var stillNamed = new HashSet<String>();
    stillNamed.addAll(
        jdbc.sql(
                "select code_key from submission where code_key in (:keys)"
                    + " union select report_key from submission where report_key in (:keys)")
            .param("keys", List.copyOf(keys))
            .query(String.class)
            .list());
    for (var key : keys) {
      if (stillNamed.contains(key) || !BlobStore.isKey(key)) {
        continue;
      }
      try {
        blobs.delete(key);
      } catch (RuntimeException e) {
        // The rows are gone and nothing names the file; an operator can remove it later.
        log.error("Could not delete blob {} of an erased account", key, e);
      }
    }
  }

  private AttemptRecord attempt(ResultSet rs, List<EventRecord> events) throws SQLException {
    return new AttemptRecord(
        rs.getObject("id", UUID.class),
        rs.getString("problem_id"),
        rs.getInt("problem_version"),
        rs.getString("category"),
        rs.getString("difficulty"),
        rs.getString("language"),
        rs.getString("state"),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        rs.getLong("timer_elapsed_millis"),
        rs.getInt("hints_used"),
        rs.getBoolean("solution_viewed"),
        rs.getInt("submissions"),
        rs.getString("last_verdict"),
        rs.getObject("solved_millis", Long.class),
        events);
  }

  private SubmissionRecord submission(ResultSet rs, int row) throws SQLException {
    var key = rs.getString("code_key");
    var code =
        (BlobStore.isKey(key) ? blobs.get(key) : java.util.Optional.<byte[]>empty())
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .orElse(null);
    return new SubmissionRecord(
        rs.getObject("id", UUID.class),
        rs.getObject("attempt_id", UUID.class),
        rs.getString("problem_id"),
        rs.getInt("problem_version"),
        rs.getString("language"),
        code,
        rs.getString("state"),
        rs.getString("verdict"),
        rs.getObject("passed", Integer.class),
        rs.getObject("total", Integer.class),
        rs.getLong("elapsed_millis"),
        instant(rs, "created_at"),
        instant(rs, "finished_at"),
        tree(rs, "result"),
        rs.getString("failure"));
  }

  private JsonNode tree(ResultSet rs, String column) throws SQLException {
    var text = rs.getString(column);
    return text == null ? null : json.readTree(text);
  }
}
