package dev.improview.attempt.internal;

import dev.improview.execution.Language;
import dev.improview.execution.Verdict;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import dev.improview.problem.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Attempts ({@code attempt}) and what happened during them ({@code attempt_event}). */
@Repository
class AttemptStore {

  /** An open attempt, and whether this call created it. */
  record Opened(Attempt attempt, boolean created) {}

  private static final String COLUMNS =
      """
      id, account_id, problem_id, problem_version, estimate_minutes, category, difficulty, language,
      state, started_at, ended_at, timer_elapsed_millis, timer_started_at, timer_running_since,
      timer_last_heartbeat, hints_used, solution_viewed, submissions, last_verdict, solved_millis
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AttemptStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * The account's open attempt at the problem, created (with its {@code opened} event) if there is
   * none. Concurrent calls meet at the unique index {@code attempt_one_open}: one inserts, the
   * others wait for its commit and read its row.
   */
  @Transactional
  Opened open(UUID account, Problem problem, Language language, Instant now) {
    String problemId = problem.id();
    int problemVersion = problem.version();
    // Read committed: each statement sees the latest commit, so a retry finds the winner's row
    // (or, if it was closed in between, inserts a new one).
    for (int tries = 0; tries < 5; tries++) {
      var id = UUID.randomUUID();
      int inserted =
          jdbc.sql(
                  """
                  insert into attempt (id, account_id, problem_id, problem_version,
                                       estimate_minutes, category, difficulty, language, state,
                                       started_at)
                  values (:id, :account, :problem, :version, :minutes, :category, :difficulty,
                          :language, 'open', :now)
                  on conflict (account_id, problem_id) where state = 'open' do nothing
                  """)
              .param("id", id)
              .param("account", account)
              .param("problem", problemId)
              .param("version", problemVersion)
              .param("minutes", problem.estimatedMinutes())
              .param("category", problem.category().id())
              .param("difficulty", problem.difficulty().id())
              .param("language", language.id())
              .param("now", timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE)
              .update();
      if (inserted == 1) {
        recordEvent(
            id,
            EventKind.OPENED,
            Map.of("language", language.id(), "problemVersion", problemVersion),
            now);
        return new Opened(find(id).orElseThrow(), true);
      }
      var existing =
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + " from attempt where account_id = :account and problem_id = :problem"
                      + " and state = 'open'")
              .param("account", account)
              .param("problem", problemId)
              .query(AttemptStore::attempt)
              .optional();
      if (existing.isPresent()) {
        return new Opened(existing.get(), false);
      }
    }
    throw new IllegalStateException(
        "Could not open an attempt at " + problemId + ": it kept being opened and closed");
  }

  Optional<Attempt> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from attempt where id = :id")
        .param("id", id)
        .query(AttemptStore::attempt)
        .optional();
  }

  /** The attempt, locked until the transaction ends, so timer changes apply one at a time. */
  Optional<Attempt> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from attempt where id = :id for update")
        .param("id", id)
        .query(AttemptStore::attempt)
        .optional();
  }

  void saveTimer(UUID id, Timer timer) {
    jdbc.sql(
            """
            update attempt set timer_elapsed_millis = :elapsed, timer_started_at = :started,
                               timer_running_since = :since, timer_last_heartbeat = :heartbeat
            where id = :id
            """)
        .param("id", id)
        .param("elapsed", timer.elapsedBefore().toMillis())
        .param("started", timestamp(timer.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("since", timestamp(timer.runningSince()), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("heartbeat", timestamp(timer.lastHeartbeat()), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }

  /** Gives up an open attempt: its timer frozen. */
  void giveUp(UUID id, Instant at, Timer timer) {
    end(id, AttemptState.GIVEN_UP, at, timer, null);
  }

  private void end(UUID id, AttemptState state, Instant at, Timer timer, Long solvedMillis) {
    saveTimer(id, timer);
    jdbc.sql(
            "update attempt set state = :state, ended_at = :at, solved_millis = :solved"
                + " where id = :id")
        .param("id", id)
        .param("state", state.id())
        .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("solved", solvedMillis, Types.BIGINT)
        .update();
  }

  /** Counts a new submission on the attempt and records its {@code submitted} event, at once. */
  void submitted(UUID id, Map<String, ?> detail, Instant at) {
    jdbc.sql(
            """
            with counted as (update attempt set submissions = submissions + 1 where id = :attempt)
            insert into attempt_event (attempt_id, kind, detail, at)
            values (:attempt, :kind, cast(:detail as jsonb), :at)
            """)
        .param("attempt", id)
        .param("kind", EventKind.SUBMITTED.id())
        .param("detail", json.writeValueAsString(detail), Types.VARCHAR)
        .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }

  /** How an accepted submission ends its attempt: the frozen timer and the solve time. */
  record Accepted(Timer timer, long solvedMillis) {}

  /**
   * Records a judged submission on its attempt in one statement: the attempt's latest verdict, its
   * {@code judged} event and, with {@code accepted} (else null), its end as accepted.
   */
  void judged(UUID id, Verdict verdict, Accepted accepted, Map<String, ?> detail, Instant at) {
    var ending =
        accepted == null
            ? ""
            : ", state = :state, ended_at = :at, solved_millis = :solved,"
                + " timer_elapsed_millis = :elapsed, timer_started_at = :started,"
                + " timer_running_since = :since, timer_last_heartbeat = :heartbeat";
    var statement =
        jdbc.sql(
                "with judged as (update attempt set last_verdict = :verdict"
                    + ending
                    + " where id = :attempt)"
                    + " insert into attempt_event (attempt_id, kind, detail, at)"
                    + " values (:attempt, :kind, cast(:detail as jsonb), :at)")
            .param("attempt", id)
            .param("verdict", verdict.name())
            .param("kind", EventKind.JUDGED.id())
            .param("detail", json.writeValueAsString(detail), Types.VARCHAR)
            .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE);
    if (accepted != null) {
      var timer = accepted.timer();
      statement =
          statement
              .param("state", AttemptState.ACCEPTED.id())
              .param("solved", accepted.solvedMillis())
              .param("elapsed", timer.elapsedBefore().toMillis())
              .param("started", timestamp(timer.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
              .param("since", timestamp(timer.runningSince()), Types.TIMESTAMP_WITH_TIMEZONE)
              .param("heartbeat", timestamp(timer.lastHeartbeat()), Types.TIMESTAMP_WITH_TIMEZONE);
    }
    statement.update();
  }

  void recordEvent(UUID attempt, EventKind kind, Map<String, ?> detail, Instant at) {
    jdbc.sql(
            """
            insert into attempt_event (attempt_id, kind, detail, at)
            values (:attempt, :kind, cast(:detail as jsonb), :at)
            """)
        .param("attempt", attempt)
        .param("kind", kind.id())
        .param("detail", detail == null ? null : json.writeValueAsString(detail), Types.VARCHAR)
        .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }

  /** The attempt's events, oldest first. */
  List<AttemptEvent> events(UUID attempt) {
    return jdbc.sql(
            "select kind, detail, at from attempt_event where attempt_id = :attempt"
                + " order by at, id")
        .param("attempt", attempt)
        .query(
            (rs, row) ->
                new AttemptEvent(
                    EventKind.fromId(rs.getString("kind")),
                    instant(rs, "at"),
                    rs.getString("detail") == null ? null : json.readTree(rs.getString("detail"))))
        .list();
  }

  static Attempt attempt(ResultSet rs, int row) throws SQLException {
    return new Attempt(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("problem_id"),
        rs.getInt("problem_version"),
        rs.getInt("estimate_minutes"),
        Category.fromId(rs.getString("category")),
        Difficulty.fromId(rs.getString("difficulty")),
        Language.fromId(rs.getString("language")),
        AttemptState.fromId(rs.getString("state")),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        timer(rs),
        new Attempt.Progress(
            rs.getInt("hints_used"),
            rs.getBoolean("solution_viewed"),
            rs.getInt("submissions"),
            rs.getString("last_verdict") == null
                ? null
                : Verdict.valueOf(rs.getString("last_verdict")),
            rs.getObject("solved_millis", Long.class)));
  }

  /** The timer columns every attempt query reads. */
  static Timer timer(ResultSet rs) throws SQLException {
    return new Timer(
        Duration.ofMillis(rs.getLong("timer_elapsed_millis")),
        instant(rs, "timer_started_at"),
        instant(rs, "timer_running_since"),
        instant(rs, "timer_last_heartbeat"));
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    var value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
