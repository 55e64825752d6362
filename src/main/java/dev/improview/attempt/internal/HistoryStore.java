package dev.improview.attempt.internal;

import static dev.improview.attempt.internal.AttemptStore.instant;

import dev.improview.execution.Language;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history: an account's attempts, filtered, newest first, a page at a time. Reads only the
 * attempt's own columns (kept up to date by whatever changes the attempt) and the problem's title.
 */
@Repository
class HistoryStore {

  /** One attempt as the history shows it, with its timer as stored. */
  record Item(
      UUID id,
      String problemId,
      String title,
      Category category,
      Difficulty difficulty,
      Language language,
      AttemptState state,
      Instant startedAt,
      Instant endedAt,
      Timer timer,
      int estimateMinutes,
      int hintsUsed,
      boolean solutionViewed,
      int submissionCount,
      String lastVerdict,
      Long solvedMillis) {

    Item {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(problemId, "problemId");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(difficulty, "difficulty");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(timer, "timer");
    }
  }

  /** Page {@code page} (0-based) of {@code size} items, and how many match in all. */
  record Page(List<Item> items, int page, int size, long total) {

    Page {
      Objects.requireNonNull(items, "items");
      items = List.copyOf(items);
      if (page < 0) {
        throw new IllegalArgumentException("page < 0: " + page);
      }
      if (size < 1 || size > MAX_SIZE) {
        throw new IllegalArgumentException("size not in 1.." + MAX_SIZE + ": " + size);
      }
      if (total < 0) {
        throw new IllegalArgumentException("total < 0: " + total);
      }
    }
  }

  static final int MAX_SIZE = 100;

  private final JdbcClient jdbc;

  HistoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The account's attempts matching {@code filter}, newest first (ties by id). Only the filters
   * given become conditions, so each query is planned for what it asks (V7's indexes are led by the
   * account and the filtered column). Repeatable read: the total counts the same moment the page
   * shows.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  Page list(UUID account, HistoryFilter filter, int page, int size) {
    // Checked before querying: a negative offset or limit would be PostgreSQL's error, not ours.
    new Page(List.of(), page, size, 0);
    var where = Where.of(account, filter);
    var items =
        jdbc.sql(LIST.formatted(where.sql()))
            .params(where.params())
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(HistoryStore::item)
            .list();
    long total =
        jdbc.sql("select count(*) from attempt a where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    return new Page(items, page, size, total);
  }

  /**
   * PostgreSQL's plan for {@link #list}'s page query, as {@code EXPLAIN (FORMAT JSON)} gives it.
   */
  String explainList(UUID account, HistoryFilter filter, int page, int size) {
    var where = Where.of(account, filter);
    return jdbc.sql("explain (format json) " + LIST.formatted(where.sql()))
        .params(where.params())
        .param("limit", size)
        .param("offset", (long) page * size)
        .query(String.class)
        .single();
  }

  // The page's ids first, from the index alone where the filter allows (V7), then only those
  // rows: a deep page skips index entries rather than sorting every row with its columns.
  private static final String LIST =
      """
      select d.id, d.problem_id, p.title, d.category, d.difficulty, d.language, d.state,
             d.started_at, d.ended_at, d.timer_elapsed_millis, d.timer_started_at,
             d.timer_running_since, d.timer_last_heartbeat, d.estimate_minutes,
             d.hints_used, d.solution_viewed, d.submissions, d.last_verdict, d.solved_millis
        from (select a.id, a.started_at
                from attempt a
               where %s
               order by a.started_at desc, a.id desc
               limit :limit offset :offset) page
        join attempt d on d.id = page.id
        join problem p on p.id = d.problem_id
       order by page.started_at desc, page.id desc
      """;

  /** The conditions for a filter: the account, then one equality per filter given. */
  private record Where(String sql, Map<String, Object> params) {

    static Where of(UUID account, HistoryFilter filter) {
      var sql = new StringBuilder("a.account_id = :account");
      var params = new LinkedHashMap<String, Object>();
      params.put("account", account);
      condition(sql, params, "category", filter.category() == null ? null : filter.category().id());
      condition(
          sql, params, "difficulty", filter.difficulty() == null ? null : filter.difficulty().id());
      condition(sql, params, "language", filter.language() == null ? null : filter.language().id());
      condition(sql, params, "last_verdict", filter.verdict());
      condition(sql, params, "state", filter.state() == null ? null : filter.state().id());
      return new Where(sql.toString(), params);
    }
  }

  /** {@code and a.<column> = :<column>} when {@code value} is set; column names are ours. */
  private static void condition(
      StringBuilder where, Map<String, Object> params, String column, String value) {
    if (value != null) {
      where.append(" and a.").append(column).append(" = :").append(column);
      params.put(column, value);
    }
  }

  private static Item item(ResultSet rs, int row) throws SQLException {
    return new Item(
        rs.getObject("id", UUID.class),
        rs.getString("problem_id"),
        rs.getString("title"),
        Category.fromId(rs.getString("category")),
        Difficulty.fromId(rs.getString("difficulty")),
        Language.fromId(rs.getString("language")),
        AttemptState.fromId(rs.getString("state")),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        AttemptStore.timer(rs),
        rs.getInt("estimate_minutes"),
        rs.getInt("hints_used"),
        rs.getBoolean("solution_viewed"),
        rs.getInt("submissions"),
        rs.getString("last_verdict"),
        rs.getObject("solved_millis", Long.class));
  }
}
