package dev.improview.attempt.internal;

import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The figures behind the history's charts, aggregated by PostgreSQL. */
@Repository
class StatsStore {

  /** How many of the latest accepted attempts the solve-time chart gets. */
  static final int SOLVE_TIMES = 200;

  private final JdbcClient jdbc;

  StatsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // Repeatable read: the totals, the groups and the solve times describe the same moment.
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  Stats stats(UUID account) {
    var totals = new Stats.Totals(0, 0, 0, 0);
    var byCategory = new ArrayList<Stats.CategoryStats>();
    var byDifficulty = new ArrayList<Stats.DifficultyStats>();
    // One pass over the account's attempts into cells (category x difficulty, at most 27 rows),
    // then the cells summed three ways: the totals (the empty grouping set), a row per category
    // and one per difficulty. grouping(x) is 1 where x is not part of the row's group. Grouping
    // the attempts themselves three ways took about 30% longer on 10,000 attempts.
    var rows =
        jdbc.sql(
                """
                with cells as (
                  select category, difficulty,
                         count(*) as attempts,
                         count(*) filter (where state = 'open') as open,
                         count(*) filter (where state = 'accepted') as accepted,
                         count(*) filter (where state = 'given_up') as given_up,
                         sum(hints_used) as hints,
                         count(*) filter (where solution_viewed) as solution_viewed
                    from attempt
                   where account_id = :account
                   group by category, difficulty)
                select grouping(category) as all_categories,
                       grouping(difficulty) as all_difficulties,
                       category, difficulty,
                       coalesce(sum(attempts), 0) as attempts,
                       coalesce(sum(open), 0) as open,
                       coalesce(sum(accepted), 0) as accepted,
                       coalesce(sum(given_up), 0) as given_up,
                       coalesce(round(sum(hints) / sum(attempts), 2), 0) as average_hints,
                       coalesce(sum(solution_viewed), 0) as solution_viewed
                  from cells
                 group by grouping sets ((), (category), (difficulty))
                """)
            .param("account", account)
            .query()
            .listOfRows();
    for (var row : rows) {
      long attempts = number(row.get("attempts"));
      long accepted = number(row.get("accepted"));
      boolean allCategories = number(row.get("all_categories")) == 1;
      boolean allDifficulties = number(row.get("all_difficulties")) == 1;
      if (allCategories && allDifficulties) {
        totals =
            new Stats.Totals(
                attempts, number(row.get("open")), accepted, number(row.get("given_up")));
      } else if (allDifficulties) {
        byCategory.add(
            new Stats.CategoryStats(
                Category.fromId((String) row.get("category")), attempts, accepted));
      } else {
        byDifficulty.add(
            new Stats.DifficultyStats(
                Difficulty.fromId((String) row.get("difficulty")),
                attempts,
                accepted,
                ((Number) row.get("average_hints")).doubleValue(),
                number(row.get("solution_viewed"))));
      }
    }
    byCategory.sort(Comparator.comparing(Stats.CategoryStats::category));
    byDifficulty.sort(Comparator.comparing(Stats.DifficultyStats::difficulty));
    return new Stats(totals, solveTimes(account), byCategory, byDifficulty);
  }

  /** The latest accepted attempts, oldest first. */
  private List<Stats.SolveTime> solveTimes(UUID account) {
    return jdbc.sql(SOLVE_TIMES_QUERY)
        .param("account", account)
        .param("limit", SOLVE_TIMES)
        .query(
            (rs, n) ->
                new Stats.SolveTime(
                    rs.getObject("id", UUID.class),
                    rs.getObject("ended_at", OffsetDateTime.class).toInstant(),
                    rs.getLong("solved_millis"),
                    rs.getInt("estimate_minutes"),
                    Difficulty.fromId(rs.getString("difficulty"))))
        .list();
  }

  /** PostgreSQL's plan for the solve times, as {@code EXPLAIN (FORMAT JSON)} gives it. */
  String explainSolveTimes(UUID account) {
    return jdbc.sql("explain (format json) " + SOLVE_TIMES_QUERY)
        .param("account", account)
        .param("limit", SOLVE_TIMES)
        .query(String.class)
        .single();
  }

  // Read newest first through attempt_account_accepted (V7), then turned oldest first.
  private static final String SOLVE_TIMES_QUERY =
      """
      select id, ended_at, solved_millis, estimate_minutes, difficulty
        from (select id, ended_at, solved_millis, estimate_minutes, difficulty
                from attempt
               where account_id = :account and state = 'accepted'
               order by ended_at desc, id desc
               limit :limit) latest
       order by ended_at, id
      """;

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
