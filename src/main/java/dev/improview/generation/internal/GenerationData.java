package dev.improview.generation.internal;

import dev.improview.platform.AccountData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The generation module's part of an account's data (section {@code generations}): the account's
 * generation requests with the steps each reported, and today's quota (counted from those rows, so
 * erasing them resets it). The problems served stay: they belong to the bank and the pool, not to
 * whoever asked first; the model calls made for a request keep their cost without the request
 * ({@code llm_call.generation_id} is set null), since the server's budget counts them.
 */
@Repository
class GenerationData implements AccountData {

  /** The export's section. */
  record Section(Quota quota, List<GenerationRecord> generations) {}

  record Quota(int dailyQuota, int usedToday) {}

  record GenerationRecord(
      UUID id,
      String category,
      String difficulty,
      String language,
      String topicHint,
      String state,
      String source,
      String problemId,
      String reason,
      Instant createdAt,
      Instant finishedAt,
      List<StepRecord> steps) {}

  record StepRecord(int seq, String step, String outcome, String message, Instant at) {}

  private final JdbcClient jdbc;
  private final Generations generations;

  GenerationData(JdbcClient jdbc, Generations generations) {
    this.jdbc = jdbc;
    this.generations = generations;
  }

  @Override
  public String section() {
    return "generations";
  }

  @Override
  public Section export(UUID account) {
    var steps = new HashMap<UUID, List<StepRecord>>();
    jdbc.sql(
            """
            select e.generation_id, e.seq, e.step, e.outcome, e.message, e.at
            from generation_event e join generation g on g.id = e.generation_id
            where g.account_id = :account order by e.generation_id, e.seq
            """)
        .param("account", account)
        .query(
            rs -> {
              steps
                  .computeIfAbsent(
                      rs.getObject("generation_id", UUID.class), id -> new ArrayList<>())
                  .add(
                      new StepRecord(
                          rs.getInt("seq"),
                          rs.getString("step"),
                          rs.getString("outcome"),
                          rs.getString("message"),
                          instant(rs, "at")));
            });
    var rows =
        jdbc.sql(
                """
                select id, category, difficulty, language, topic_hint, state, source, problem_id,
                       reason, created_at, finished_at
                from generation where account_id = :account order by created_at, id
                """)
            .param("account", account)
            .query(
                (rs, row) -> {
                  var id = rs.getObject("id", UUID.class);
                  return new GenerationRecord(
                      id,
                      rs.getString("category"),
                      rs.getString("difficulty"),
                      rs.getString("language"),
                      rs.getString("topic_hint"),
                      rs.getString("state"),
                      rs.getString("source"),
                      rs.getString("problem_id"),
                      rs.getString("reason"),
                      instant(rs, "created_at"),
                      instant(rs, "finished_at"),
                      steps.getOrDefault(id, List.of()));
                })
            .list();
    return new Section(new Quota(generations.dailyQuota(), generations.usedToday(account)), rows);
  }

  /** Deletes the account's generations; their steps cascade. */
  @Override
  public void erase(UUID account) {
    jdbc.sql("delete from generation where account_id = :account")
        .param("account", account)
        .update();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    var value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
