package dev.improview.problem;

import dev.improview.execution.Language;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem store, and this module's API to others: the current revision of each problem in
 * {@code problem}, every revision ever stored in {@code problem_revision}.
 */
@Repository
public class ProblemCatalog {

  /** Parsed problems by id, least recently used dropped first; entries carry their hash. */
  private static final int PARSED_CACHE_SIZE = 256;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  // A report written before a figure existed lacks it; a figure of a step that never ran is zero.
  private final ObjectReader reports;
  // Parsed problems by id, and by id@version for revisions; least recently used ones go first.
  private final Map<String, StoredProblem> parsed = lruCache();
  private final Map<String, StoredProblem> parsedRevisions = lruCache();

  ProblemCatalog(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    this.reports =
        json.readerFor(ValidationReport.class)
            .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** Summaries of the listed problems, optionally filtered; either filter may be null. */
  public List<ProblemSummary> list(Category category, Difficulty difficulty) {
    return summaries(category, difficulty, true);
  }

  /**
   * Summaries of every stored problem, the unlisted too (a generated problem waiting in the pool):
   * for checks that must see them all, such as whether a new one is a near-duplicate.
   */
  public List<ProblemSummary> listAll(Category category, Difficulty difficulty) {
    return summaries(category, difficulty, false);
  }

  private List<ProblemSummary> summaries(
      Category category, Difficulty difficulty, boolean listedOnly) {
    return jdbc.sql(
            """
            select id, title, category, difficulty, tags, estimated_minutes, source
            from problem
            where (cast(:category as text) is null or category = :category)
              and (cast(:difficulty as text) is null or difficulty = :difficulty)
              and (listed or not :listedOnly)
            order by case difficulty when 'easy' then 0 when 'medium' then 1 else 2 end,
                     category, title
            """)
        .param("category", category == null ? null : category.id())
        .param("difficulty", difficulty == null ? null : difficulty.id())
        .param("listedOnly", listedOnly)
        .query(
            (rs, row) ->
                new ProblemSummary(
                    rs.getString("id"),
                    rs.getString("title"),
                    Category.fromId(rs.getString("category")),
                    Difficulty.fromId(rs.getString("difficulty")),
                    Arrays.asList((String[]) rs.getArray("tags").getArray()),
                    rs.getInt("estimated_minutes"),
                    ProblemSummary.Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT))))
        .list();
  }

  /** The current revision of a problem; empty for an id no problem can have. */
  public Optional<StoredProblem> find(String id) {
    if (!Problem.isValidId(id)) {
      // Never sent to the database: PostgreSQL refuses a NUL byte with an error, not "no row".
      return Optional.empty();
    }
    // Bank problems are a few hundred KB of JSON and every run reads one: parse each content
    // hash once, and ask the database only for the (tiny) current hash.
    var sha =
        jdbc.sql("select content_sha256 from problem where id = :id")
            .param("id", id)
            .query(String.class)
            .optional();
    if (sha.isEmpty()) {
      return Optional.empty();
    }
    var cached = parsed.get(id);
    if (cached != null && cached.sha256().equals(sha.get())) {
      return Optional.of(cached);
    }
    var loaded =
        jdbc.sql("select content, content_sha256 from problem where id = :id")
            .param("id", id)
            .query(
                (rs, row) ->
                    new StoredProblem(
                        json.readValue(rs.getString("content"), Problem.class),
                        rs.getString("content_sha256")))
            .optional();
    loaded.ifPresent(stored -> parsed.put(id, stored));
    return loaded;
  }

  /**
   * A specific revision, as it was when stored. Submissions and attempts read theirs often: like
   * {@link #find}, each content hash is parsed once.
   */
  public Optional<Problem> findRevision(String id, int version) {
    if (!Problem.isValidId(id)) {
      return Optional.empty();
    }
    var sha =
        jdbc.sql(
                "select content_sha256 from problem_revision"
                    + " where problem_id = :id and version = :version")
            .param("id", id)
            .param("version", version)
            .query(String.class)
            .optional();
    if (sha.isEmpty()) {
      return Optional.empty();
    }
    var key = id + "@" + version;
    var cached = parsedRevisions.get(key);
    if (cached != null && cached.sha256().equals(sha.get())) {
      return Optional.of(cached.problem());
    }
    var loaded =
        jdbc.sql(
                "select content, content_sha256 from problem_revision"
                    + " where problem_id = :id and version = :version")
            .param("id", id)
            .param("version", version)
            .query(
                (rs, row) ->
                    new StoredProblem(
                        json.readValue(rs.getString("content"), Problem.class),
                        rs.getString("content_sha256")))
            .optional();
    loaded.ifPresent(stored -> parsedRevisions.put(key, stored));
    return loaded.map(StoredProblem::problem);
  }

  /** The stored version and hash of a problem, if present. */
  public Optional<StoredVersion> storedVersion(String id) {
    if (!Problem.isValidId(id)) {
      return Optional.empty();
    }
    return jdbc.sql("select version, content_sha256 from problem where id = :id")
        .param("id", id)
        .query((rs, row) -> new StoredVersion(rs.getInt(1), rs.getString(2)))
        .optional();
  }

  /** Inserts or replaces the current revision and records it in the revision history. */
  @Transactional
  public void save(Problem problem, ProblemSummary.Source source, String sha256) {
    save(problem, source, sha256, true);
  }

  /**
   * As {@link #save(Problem, ProblemSummary.Source, String)}; a new problem saved unlisted is left
   * out of {@link #list} (it can still be read by id) until {@link #publish}ed. A replaced revision
   * keeps the problem's listing as it was.
   */
  @Transactional
  public void save(Problem problem, ProblemSummary.Source source, String sha256, boolean listed) {
    var content = json.writeValueAsString(problem);
    jdbc.sql(
            """
            insert into problem (id, version, source, title, category, difficulty,
                                 estimated_minutes, tags, content, content_sha256, listed)
            values (:id, :version, :source, :title, :category, :difficulty,
                    :minutes, :tags, cast(:content as jsonb), :sha, :listed)
            on conflict (id) do update set
                version = excluded.version, source = excluded.source, title = excluded.title,
                category = excluded.category, difficulty = excluded.difficulty,
                estimated_minutes = excluded.estimated_minutes, tags = excluded.tags,
                content = excluded.content, content_sha256 = excluded.content_sha256,
                updated_at = now()
            """)
        .param("id", problem.id())
        .param("version", problem.version())
        .param("source", source.id())
        .param("title", problem.title())
        .param("category", problem.category().id())
        .param("difficulty", problem.difficulty().id())
        .param("minutes", problem.estimatedMinutes())
        .param("tags", problem.tags().toArray(String[]::new))
        .param("content", content)
        .param("sha", sha256)
        .param("listed", listed)
        .update();
    jdbc.sql(
            """
            insert into problem_revision (problem_id, version, content, content_sha256)
            values (:id, :version, cast(:content as jsonb), :sha)
            on conflict (problem_id, version) do update set
                content = excluded.content, content_sha256 = excluded.content_sha256
            """)
        .param("id", problem.id())
        .param("version", problem.version())
        .param("content", content)
        .param("sha", sha256)
        .update();
  }

  /** Lists a problem saved unlisted (a pooled problem, once it is served). */
  public void publish(String id) {
    jdbc.sql("update problem set listed = true where id = :id").param("id", id).update();
  }

  /** Current problems whose current content has not been validated yet. */
  public List<StoredProblem> unvalidated() {
    return jdbc.sql(
            """
            select p.content, p.content_sha256 from problem p
            where not exists (select 1 from problem_validation v
                              where v.problem_id = p.id and v.content_sha256 = p.content_sha256)
            order by p.id
            """)
        .query(
            (rs, row) ->
                new StoredProblem(json.readValue(rs.getString(1), Problem.class), rs.getString(2)))
        .list();
  }

  /** Records a validation of the content with this hash. */
  public void saveValidation(String id, String sha256, ValidationReport report) {
    jdbc.sql(
            """
            insert into problem_validation (problem_id, content_sha256, passed, report, time_limits)
            values (:id, :sha, :passed, cast(:report as jsonb), cast(:limits as jsonb))
            on conflict (problem_id, content_sha256) do update set
                passed = excluded.passed, report = excluded.report,
                time_limits = excluded.time_limits, validated_at = now()
            """)
        .param("id", id)
        .param("sha", sha256)
        .param("passed", report.passed())
        .param("report", json.writeValueAsString(report))
        .param("limits", json.writeValueAsString(report.timeLimitMillis()))
        .update();
  }

  /** The report stored for the content with this hash; empty until that content is validated. */
  public Optional<ValidationReport> validation(String id, String sha256) {
    if (!Problem.isValidId(id)) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select report from problem_validation"
                + " where problem_id = :id and content_sha256 = :sha")
        .param("id", id)
        .param("sha", sha256)
        .query((rs, row) -> reports.<ValidationReport>readValue(rs.getString(1)))
        .optional();
  }

  /** The derived time limit per test for the problem's current content, once validated. */
  public Optional<Duration> timeLimit(String id, Language language) {
    if (!Problem.isValidId(id)) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select (v.time_limits ->> :language)::bigint from problem p
            join problem_validation v
              on v.problem_id = p.id and v.content_sha256 = p.content_sha256 and v.passed
            where p.id = :id
            """)
        .param("id", id)
        .param("language", language.id())
        .query((rs, row) -> rs.getObject(1) == null ? null : Duration.ofMillis(rs.getLong(1)))
        .optional();
  }

  /** A problem with the hash of its stored content (the basis of its ETag). */
  public record StoredProblem(Problem problem, String sha256) {}

  /** The version and content hash stored for a problem. */
  public record StoredVersion(int version, String sha256) {}

  private static Map<String, StoredProblem> lruCache() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, StoredProblem> eldest) {
            return size() > PARSED_CACHE_SIZE;
          }
        });
  }
}
