package dev.improview.attempt.internal;

import static dev.improview.attempt.internal.AttemptStore.instant;
import static dev.improview.attempt.internal.AttemptStore.timestamp;

import dev.improview.execution.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submissions ({@code submission}) and their leases. Lease times are the database's clock ({@code
 * now()}), so instances whose clocks differ still agree on when a lease has lapsed. Every write
 * that ends a submission requires it to be {@code running} under the writer's lease, so its result
 * is written once even when a runner that was presumed dead comes back.
 */
@Repository
class SubmissionStore {

  private static final String COLUMNS =
      """
      id, attempt_id, account_id, problem_id, problem_version, language, code_key, request_sha256,
      state, elapsed_millis, created_at, finished_at, claims, result, failure
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  SubmissionStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** What a new submission is made of. */
  record NewSubmission(
      UUID id,
      Attempt attempt,
      Language language,
      String codeKey,
      int codeBytes,
      String idempotencyKey,
      String requestSha256,
      long elapsedMillis,
      Instant createdAt) {}

  /**
   * Inserts a submission already claimed by {@code owner} (the request that made it judges it), or
   * nothing when the account already has one with this idempotency key.
   *
   * @return true when inserted
   */
  boolean insertClaimed(NewSubmission s, String owner, Duration lease) {
    return jdbc.sql(
                """
                insert into submission (id, attempt_id, account_id, problem_id, problem_version,
                    language, code_key, code_bytes, idempotency_key, request_sha256, state,
                    elapsed_millis, created_at, started_at, claims, lease_owner, lease_until)
                values (:id, :attempt, :account, :problem, :version, :language, :code, :bytes,
                    :key, :sha, 'running', :elapsed, :created, :created, 1, :owner,
                    now() + :lease * interval '1 millisecond')
                on conflict (account_id, idempotency_key) do nothing
                """)
            .param("id", s.id())
            .param("attempt", s.attempt().id())
            .param("account", s.attempt().accountId())
            .param("problem", s.attempt().problemId())
            .param("version", s.attempt().problemVersion())
            .param("language", s.language().id())
            .param("code", s.codeKey())
            .param("bytes", s.codeBytes())
            .param("key", s.idempotencyKey(), Types.VARCHAR)
            .param("sha", s.requestSha256())
            .param("elapsed", s.elapsedMillis())
            .param("created", timestamp(s.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE)
            .param("owner", owner)
            .param("lease", lease.toMillis())
            .update()
        == 1;
  }

  Optional<Submission> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from submission where id = :id")
        .param("id", id)
        .query(this::submission)
        .optional();
  }

  Optional<Submission> findByIdempotencyKey(UUID account, String key) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from submission where account_id = :account and idempotency_key = :key")
        .param("account", account)
        .param("key", key)
        .query(this::submission)
        .optional();
  }

  /** An attempt's submissions, oldest first. */
  List<Submission> forAttempt(UUID attempt) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from submission where attempt_id = :attempt order by created_at, id")
        .param("attempt", attempt)
        .query(this::submission)
        .list();
  }

  /**
   * Claims the oldest submission that is queued or whose lease has lapsed, skipping rows another
   * runner is claiming at this moment; empty when there is none.
   */
  Optional<Submission> claimNext(String owner, Duration lease, int maxClaims) {
    return jdbc.sql(
            """
            with next as (
                select id from submission
                where (state = 'queued' or (state = 'running' and lease_until < now()))
                  and claims < :max
                order by created_at
                limit 1
                for update skip locked)
            update submission s
               set state = 'running', claims = s.claims + 1, lease_owner = :owner,
                   lease_until = now() + :lease * interval '1 millisecond',
                   started_at = coalesce(s.started_at, now())
              from next where s.id = next.id
            returning s.id, s.attempt_id, s.account_id, s.problem_id, s.problem_version,
                      s.language, s.code_key, s.request_sha256, s.state, s.elapsed_millis,
                      s.created_at, s.finished_at, s.claims, s.result, s.failure
            """)
        .param("owner", owner)
        .param("lease", lease.toMillis())
        .param("max", maxClaims)
        .query(this::submission)
        .optional();
  }

  /**
   * Submissions whose runners died as often as they may be claimed (running, lease lapsed), oldest
   * first; not locked: {@link #fail} with no owner checks again.
   */
  List<Submission> exhausted(int maxClaims) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from submission where state = 'running' and lease_until < now()"
                + " and claims >= :max order by created_at limit 20")
        .param("max", maxClaims)
        .query(this::submission)
        .list();
  }

  /** Extends the leases {@code owner} holds on {@code ids}; returns how many it still held. */
  int renew(String owner, List<UUID> ids, Duration lease) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            update submission set lease_until = now() + :lease * interval '1 millisecond'
            where id in (:ids) and state = 'running' and lease_owner = :owner
            """)
        .param("owner", owner)
        .param("ids", ids)
        .param("lease", lease.toMillis())
        .update();
  }

  /**
   * Gives a claimed submission back to the queue (no sandbox was free); the claim does not count.
   */
  boolean release(UUID id, String owner) {
    return jdbc.sql(
                """
                update submission set state = 'queued', claims = claims - 1, lease_owner = null,
                                      lease_until = null
                where id = :id and state = 'running' and lease_owner = :owner
                """)
            .param("id", id)
            .param("owner", owner)
            .update()
        == 1;
  }

  /**
   * Writes the result, if {@code owner} still holds the lease.
   *
   * @return the submission as written, or empty when the lease was lost
   */
  Optional<Submission> finish(
      UUID id, String owner, SubmissionResult result, String reportKey, Instant at) {
    return jdbc.sql(
            """
            update submission set state = 'finished', verdict = :verdict, passed = :passed,
                total = :total, result = cast(:result as jsonb), report_key = :report,
                finished_at = :at, lease_owner = null, lease_until = null
            where id = :id and state = 'running' and lease_owner = :owner
            returning
            """
                + COLUMNS)
        .param("id", id)
        .param("owner", owner)
        .param("verdict", result.verdict().name())
        .param("passed", result.passed())
        .param("total", result.total())
        .param("result", json.writeValueAsString(result))
        .param("report", reportKey, Types.VARCHAR)
        .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
        .query(this::submission)
        .optional();
  }

  /**
   * Marks it as failed to run, if {@code owner} holds the lease (or, with {@code owner} null, if
   * its lease has lapsed: nobody holds it).
   */
  boolean fail(UUID id, String owner, String failure, Instant at) {
    return jdbc.sql(
                """
                update submission set state = 'failed_to_run', failure = :failure,
                    finished_at = :at, lease_owner = null, lease_until = null
                where id = :id and state = 'running'
                  and (lease_owner = :owner or (cast(:owner as text) is null
                                                and lease_until < now()))
                """)
            .param("id", id)
            .param("owner", owner, Types.VARCHAR)
            .param("failure", failure)
            .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
            .update()
        == 1;
  }

  private Submission submission(ResultSet rs, int row) throws SQLException {
    var result = rs.getString("result");
    return new Submission(
        rs.getObject("id", UUID.class),
        rs.getObject("attempt_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("problem_id"),
        rs.getInt("problem_version"),
        Language.fromId(rs.getString("language")),
        rs.getString("code_key"),
        rs.getString("request_sha256"),
        SubmissionState.fromId(rs.getString("state")),
        rs.getLong("elapsed_millis"),
        instant(rs, "created_at"),
        instant(rs, "finished_at"),
        rs.getInt("claims"),
        result == null ? null : json.readValue(result, SubmissionResult.class),
        rs.getString("failure"));
  }
}
