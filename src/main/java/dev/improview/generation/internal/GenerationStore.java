package dev.improview.generation.internal;

import dev.improview.execution.Language;
import dev.improview.generation.GenerationSource;
import dev.improview.generation.GenerationState;
import dev.improview.generation.GenerationStep;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Generations and the steps they report, in {@code generation} and {@code generation_event}. */
@Repository
class GenerationStore {

  private static final String COLUMNS =
      "id, account_id, category, difficulty, language, topic_hint, state, source, problem_id,"
          + " reason, created_at, finished_at";

  /** What a request asks for, already checked. */
  record Request(Category category, Difficulty difficulty, Language language, String topicHint) {}

  /** The account has started {@code used} generations since {@code since}, its quota. */
  static final class QuotaExceeded extends RuntimeException {
    final int used;

    QuotaExceeded(int used) {
      super("daily generation quota used: " + used, null, false, false);
      this.used = used;
    }
  }

  private final JdbcClient jdbc;

  GenerationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a queued generation with its {@code queued} step, unless the account has already started
   * {@code quota} since {@code dayStart}. The account's row is locked while counting, so concurrent
   * requests cannot both take the last one.
   */
  @Transactional
  Generation create(UUID account, Request request, Instant now, Instant dayStart, int quota) {
    jdbc.sql("select id from account where id = :account for update")
        .param("account", account)
        .query(UUID.class)
        .single();
    int used = countSince(account, dayStart);
    if (used >= quota) {
      throw new QuotaExceeded(used);
    }
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into generation (id, account_id, category, difficulty, language, topic_hint,
                                    state, created_at)
            values (:id, :account, :category, :difficulty, :language, :hint, 'queued', :now)
            """)
        .param("id", id)
        .param("account", account)
        .param("category", request.category().id())
        .param("difficulty", request.difficulty().id())
        .param("language", request.language() == null ? null : request.language().id())
        .param("hint", request.topicHint())
        .param("now", timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
    event(id, GenerationStep.QUEUED, "Queued", null, now);
    return find(id, account).orElseThrow();
  }

  int countSince(UUID account, Instant since) {
    return jdbc.sql(
            "select count(*) from generation where account_id = :account and created_at >= :since")
        .param("account", account)
        .param("since", timestamp(since), Types.TIMESTAMP_WITH_TIMEZONE)
        .query(Integer.class)
        .single();
  }

  /** Marks a queued generation as running; false if it was not queued any more. */
  boolean start(UUID id) {
    return jdbc.sql("update generation set state = 'running' where id = :id and state = 'queued'")
            .param("id", id)
            .update()
        == 1;
  }

  /** Appends a step; only the generation's one runner writes, so max + 1 cannot collide. */
  void event(UUID id, GenerationStep step, String message, String problemId, Instant at) {
    event(id, step, null, message, problemId, at);
  }

  /**
   * Appends a checking step with how it ended ({@code passed}, {@code failed}, {@code skipped}).
   */
  void event(
      UUID id, GenerationStep step, String outcome, String message, String problemId, Instant at) {
    jdbc.sql(
            """
            insert into generation_event (generation_id, seq, step, outcome, message, problem_id,
                                          at)
            select :id, coalesce(max(seq), 0) + 1, :step, :outcome, :message, :problem, :at
              from generation_event where generation_id = :id
            """)
        .param("id", id)
        .param("step", step.id())
        .param("outcome", outcome)
        .param("message", message)
        .param("problem", problemId)
        .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }

  /** Ends an unfinished generation with its problem and a {@code ready} step; false if ended. */
  @Transactional
  boolean finishReady(
      UUID id, GenerationSource source, String problemId, String message, Instant at) {
    int updated =
        jdbc.sql(
                """
                update generation set state = 'ready', source = :source, problem_id = :problem,
                                      finished_at = :at
                where id = :id and state in ('queued', 'running')
                """)
            .param("id", id)
            .param("source", source.id())
            .param("problem", problemId)
            .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
            .update();
    if (updated == 1) {
      event(id, GenerationStep.READY, message, problemId, at);
    }
    return updated == 1;
  }

  /** Ends an unfinished generation with a reason and a {@code failed} step; false if ended. */
  @Transactional
  boolean finishFailed(UUID id, String reason, Instant at) {
    int updated =
        jdbc.sql(
                """
                update generation set state = 'failed', reason = :reason, finished_at = :at
                where id = :id and state in ('queued', 'running')
                """)
            .param("id", id)
            .param("reason", reason)
            .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
            .update();
    if (updated == 1) {
      event(id, GenerationStep.FAILED, reason, null, at);
    }
    return updated == 1;
  }

  /** The generation if it is the account's; another account's is as absent as a missing one. */
  Optional<Generation> find(UUID id, UUID account) {
    return jdbc.sql(
            "select " + COLUMNS + " from generation where id = :id and account_id = :account")
        .param("id", id)
        .param("account", account)
        .query(GenerationStore::generation)
        .optional();
  }

  /** Its steps after {@code afterSeq}, in order. */
  List<Generation.Event> events(UUID id, int afterSeq) {
    return jdbc.sql(
            """
            select seq, step, outcome, message, problem_id, at from generation_event
            where generation_id = :id and seq > :after order by seq
            """)
        .param("id", id)
        .param("after", afterSeq)
        .query(
            (rs, row) ->
                new Generation.Event(
                    rs.getInt("seq"),
                    step(rs.getString("step")),
                    rs.getString("outcome"),
                    rs.getString("message"),
                    rs.getString("problem_id"),
                    instant(rs, "at")))
        .list();
  }

  /** The problems the account's generations have served. */
  Set<String> servedProblemIds(UUID account) {
    return new HashSet<>(
        jdbc.sql(
                "select distinct problem_id from generation"
                    + " where account_id = :account and problem_id is not null")
            .param("account", account)
            .query(String.class)
            .list());
  }

  private static Generation generation(ResultSet rs, int row) throws SQLException {
    var language = rs.getString("language");
    return new Generation(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        Category.fromId(rs.getString("category")),
        Difficulty.fromId(rs.getString("difficulty")),
        language == null ? null : Language.fromId(language),
        rs.getString("topic_hint"),
        state(rs.getString("state")),
        source(rs.getString("source")),
        rs.getString("problem_id"),
        rs.getString("reason"),
        instant(rs, "created_at"),
        instant(rs, "finished_at"));
  }

  private static GenerationState state(String id) {
    for (var state : GenerationState.values()) {
      if (state.id().equals(id)) {
        return state;
      }
    }
    throw new IllegalStateException("unknown generation state in the database: " + id);
  }

  private static GenerationSource source(String id) {
    if (id == null) {
      return null;
    }
    for (var source : GenerationSource.values()) {
      if (source.id().equals(id)) {
        return source;
      }
    }
    throw new IllegalStateException("unknown generation source in the database: " + id);
  }

  /** Its instance is still working on these. */
  void heartbeat(java.util.Collection<UUID> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            "update generation set heartbeat_at = :at where id in (:ids)"
                + " and state in ('queued', 'running')")
        .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("ids", List.copyOf(ids))
        .update();
  }

  /** When it last showed life: a step, or its instance's heartbeat. */
  Optional<Instant> lastActivity(UUID id) {
    return jdbc.sql(
            """
            select greatest(g.heartbeat_at, (select max(at) from generation_event
                                              where generation_id = g.id))
              from generation g where g.id = :id
            """)
        .param("id", id)
        .query((rs, row) -> Optional.ofNullable(instant(rs, 1)))
        .optional()
        .flatMap(found -> found);
  }

  private static GenerationStep step(String id) {
    for (var step : GenerationStep.values()) {
      if (step.id().equals(id)) {
        return step;
      }
    }
    throw new IllegalStateException("unknown generation step in the database: " + id);
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    var value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    var value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
