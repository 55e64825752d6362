package dev.improview.generation.internal;

import dev.improview.platform.Sha256;
import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import dev.improview.problem.ProblemSummary;
import dev.improview.problem.ValidationReport;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems a model wrote and execution proved, with their provenance ({@code generated_problem}):
 * stored in the catalog only once proven, so a draft that failed is never readable anywhere. Those
 * not yet served to anyone are the pool.
 */
@Repository
class GeneratedProblems {

  /** Who wrote a problem, how, and at what cost. */
  record Provenance(
      String provider,
      String model,
      String promptVersion,
      int rounds,
      long promptTokens,
      long completionTokens,
      long costMicros) {}

  private final JdbcClient jdbc;
  private final ProblemCatalog catalog;
  private final JsonMapper json;

  GeneratedProblems(JdbcClient jdbc, ProblemCatalog catalog, JsonMapper json) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.json = json;
  }

  /**
   * Stores a proven problem, its validation and its provenance in one transaction; {@code served}
   * is when it goes to the user who asked (null: it waits in the pool).
   */
  @Transactional
  void save(
      Problem problem,
      ValidationReport report,
      List<String> claims,
      Provenance provenance,
      Instant at,
      Instant served) {
    var sha = Sha256.hex(json.writeValueAsBytes(problem));
    // Pooled problems stay out of the problem list until a generation serves them.
    catalog.save(problem, ProblemSummary.Source.GENERATED, sha, served != null);
    catalog.saveValidation(problem.id(), sha, report);
    jdbc.sql(
            """
            insert into generated_problem (problem_id, category, difficulty, provider, model,
                prompt_version, rounds, prompt_tokens, completion_tokens, cost_micros, report,
                claims, created_at, served_at)
            values (:id, :category, :difficulty, :provider, :model, :prompt, :rounds,
                    :promptTokens, :completionTokens, :cost, cast(:report as jsonb),
                    cast(:claims as jsonb), :at, :served)
            """)
        .param("id", problem.id())
        .param("category", problem.category().id())
        .param("difficulty", problem.difficulty().id())
        .param("provider", provenance.provider())
        .param("model", provenance.model())
        .param("prompt", provenance.promptVersion())
        .param("rounds", provenance.rounds())
        .param("promptTokens", provenance.promptTokens())
        .param("completionTokens", provenance.completionTokens())
        .param("cost", provenance.costMicros())
        .param("report", json.writeValueAsString(report))
        .param("claims", json.writeValueAsString(claims))
        .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("served", timestamp(served), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
  }

  /** How many proven problems of this category and difficulty wait in the pool. */
  int pooled(Category category, Difficulty difficulty) {
    return jdbc.sql(
            "select count(*) from generated_problem where category = :category"
                + " and difficulty = :difficulty and served_at is null")
        .param("category", category.id())
        .param("difficulty", difficulty.id())
        .query(Integer.class)
        .single();
  }

  /**
   * Takes a pooled problem of this category and difficulty that is not in {@code excluded}, marking
   * it served; concurrent takers each get a different one (rows are locked, skipping taken ones).
   */
  @Transactional
  Optional<String> takeFromPool(
      Category category, Difficulty difficulty, Set<String> excluded, Instant at) {
    var candidates =
        jdbc.sql(
                """
                select problem_id from generated_problem
                 where category = :category and difficulty = :difficulty and served_at is null
                 order by created_at
                 for update skip locked
                """)
            .param("category", category.id())
            .param("difficulty", difficulty.id())
            .query(String.class)
            .list();
    var chosen = candidates.stream().filter(id -> !excluded.contains(id)).findFirst();
    chosen.ifPresent(
        id -> {
          jdbc.sql("update generated_problem set served_at = :at where problem_id = :id")
              .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
              .param("id", id)
              .update();
          catalog.publish(id);
        });
    return chosen;
  }

  /** Whether an id is taken by any stored problem. */
  boolean idTaken(String id) {
    return catalog.storedVersion(id).isPresent();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
