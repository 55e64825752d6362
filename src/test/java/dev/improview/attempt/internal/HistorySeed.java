package dev.improview.attempt.internal;

import dev.improview.platform.CurrentAccount;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many attempts in one statement, for the query-plan test and the history benchmark
 * (bench/HistoryBenchmark.java, hence public). Attempt {@code i} (1-based) starts {@code i} minutes
 * before {@code newest} and is at bank problem {@code i mod n} in category order: the first n (one
 * per problem, newest) are open, then even ones accepted and odd ones given up, each ended 30
 * minutes after it started.
 */
public final class HistorySeed {

  /** The local account every request belongs to until sign-in exists. */
  public static final UUID LOCAL = CurrentAccount.LOCAL;

  private HistorySeed() {}

  /** Inserts {@code count} attempts for {@code account}; returns how many were inserted. */
  public static int seed(JdbcClient jdbc, UUID account, int count, Instant newest) {
    return jdbc.sql(
            """
            with problems as (
              select row_number() over (order by category, id) - 1 as k, id, version,
                     estimated_minutes, category, difficulty
                from problem),
            n as (select count(*) as n from problems),
            rows as (
              select i, p.*, :newest - make_interval(mins => i) as started,
                     case when i <= n.n then 'open'
                          when i % 2 = 0 then 'accepted' else 'given_up' end as state
                from generate_series(1, :count) i
                cross join n
                join problems p on p.k = i % n.n),
            judged as (
              select *, case when state = 'accepted' then 'ACCEPTED'
                             when i % 3 = 1 then 'WRONG_ANSWER' end as verdict
                from rows)
            insert into attempt (id, account_id, problem_id, problem_version, estimate_minutes,
                                 category, difficulty, language, state, started_at, ended_at,
                                 timer_elapsed_millis, timer_started_at, hints_used,
                                 solution_viewed, submissions, last_verdict, solved_millis)
            select gen_random_uuid(), :account, id, version, estimated_minutes, category,
                   difficulty, (array['javascript', 'python', 'java'])[1 + i % 3], state, started,
                   case when state <> 'open' then started + interval '30 minutes' end,
                   (i % 1800) * 1000, started, i % 4, i % 5 = 0,
                   case when verdict is null then 0 else 1 + i % 3 end, verdict,
                   case when state = 'accepted' then (i % 1800) * 1000 end
              from judged
            """)
        .param("account", account)
        .param("count", count)
        .param(
            "newest",
            OffsetDateTime.ofInstant(newest, ZoneOffset.UTC),
            Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }
}
