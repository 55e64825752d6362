package dev.improview.problem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration V8 on a database that still holds the retired categories: every stored row of a moved
 * bank problem follows its new version, an imported problem goes to the wider half, and nothing
 * else changes.
 */
class CategorySplitMigrationTests {

  private static final UUID LOCAL = UUID.fromString("00000000-0000-0000-0000-000000000001");

  static EmbeddedPostgres postgres;
  static JdbcClient jdbc;

  @BeforeAll
  static void migrateThroughTheSplit() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    var data = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(data).target("7").load().migrate();
    jdbc = JdbcClient.create(data);
    problem("heaviest-tree-level", "trees-graphs", "bank");
    problem("smallest-build-order", "trees-graphs", "bank");
    problem("studio-busy-blocks", "greedy-intervals", "bank");
    problem("my-imported-graph", "trees-graphs", "imported");
    problem("my-imported-greedy", "greedy-intervals", "imported");
    problem("untouched-strings", "strings", "bank");
    Flyway.configure().dataSource(data).load().migrate();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static void problem(String id, String category, String source) {
    String document =
        "{\"id\": \"" + id + "\", \"category\": \"" + category + "\", \"title\": \"T\"}";
    jdbc.sql(
            """
            insert into problem (id, version, source, title, category, difficulty,
                                 estimated_minutes, content, content_sha256)
            values (:id, 1, :source, 'T', :category, 'easy', 15, cast(:doc as jsonb), 'sha')
            """)
        .param("id", id)
        .param("source", source)
        .param("category", category)
        .param("doc", document)
        .update();
    jdbc.sql(
            """
            insert into problem_revision (problem_id, version, content, content_sha256)
            values (:id, 1, cast(:doc as jsonb), 'sha')
            """)
        .param("id", id)
        .param("doc", document)
        .update();
    jdbc.sql(
            """
            insert into attempt (id, account_id, problem_id, problem_version, estimate_minutes,
                                 language, state, started_at, ended_at, category, difficulty)
            values (:attempt, :account, :id, 1, 15, 'python', 'given_up', now(), now(),
                    :category, 'easy')
            """)
        .param("attempt", UUID.randomUUID())
        .param("account", LOCAL)
        .param("id", id)
        .param("category", category)
        .update();
  }

  /** [catalog row, current document, revision document, attempt copy] of a problem. */
  private static List<String> categories(String id) {
    return List.of(
        jdbc.sql("select category from problem where id = :id")
            .param("id", id)
            .query(String.class)
            .single(),
        jdbc.sql("select content ->> 'category' from problem where id = :id")
            .param("id", id)
            .query(String.class)
            .single(),
        jdbc.sql("select content ->> 'category' from problem_revision where problem_id = :id")
            .param("id", id)
            .query(String.class)
            .single(),
        jdbc.sql("select category from attempt where problem_id = :id")
            .param("id", id)
            .query(String.class)
            .single());
  }

  @Test
  void movedBankProblemsFollowTheirNewVersionsEverywhere() {
    assertThat(categories("heaviest-tree-level")).containsOnly("trees");
    assertThat(categories("smallest-build-order")).containsOnly("graphs");
    assertThat(categories("studio-busy-blocks")).containsOnly("intervals");
  }

  @Test
  void importedProblemsGoToTheWiderHalf() {
    assertThat(categories("my-imported-graph")).containsOnly("graphs");
    assertThat(categories("my-imported-greedy")).containsOnly("greedy");
  }

  @Test
  void noRetiredIdIsLeftAndOtherCategoriesAreUntouched() {
    assertThat(categories("untouched-strings")).containsOnly("strings");
    long retired =
        jdbc.sql(
                """
                select (select count(*) from problem
                        where category in ('trees-graphs', 'greedy-intervals')
                           or content ->> 'category' in ('trees-graphs', 'greedy-intervals'))
                     + (select count(*) from problem_revision
                        where content ->> 'category' in ('trees-graphs', 'greedy-intervals'))
                     + (select count(*) from attempt
                        where category in ('trees-graphs', 'greedy-intervals'))
                """)
            .query(Long.class)
            .single();
    assertThat(retired).isZero();
  }
}
