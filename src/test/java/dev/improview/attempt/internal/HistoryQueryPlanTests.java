package dev.improview.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.problem.Category;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With 10,000 attempts for one account, the history's page query reads an index rather than the
 * whole table, unfiltered and filtered by category, and the stats' solve times read V7's index.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryQueryPlanTests {

  static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-0000000a0010");

  @Autowired JdbcClient jdbc;
  @Autowired HistoryStore store;
  @Autowired StatsStore stats;
  @Autowired JsonMapper json;

  @BeforeAll
  void seed() {
    jdbc.sql("insert into account (id, display_name) values (:id, 'Plans') on conflict do nothing")
        .param("id", ACCOUNT)
        .update();
    assertThat(HistorySeed.seed(jdbc, ACCOUNT, 10_000, Instant.parse("2025-06-01T00:00:00Z")))
        .isEqualTo(10_000);
    jdbc.sql("analyze attempt").update();
  }

  @AfterAll
  void clean() {
    jdbc.sql("delete from attempt where account_id = :id").param("id", ACCOUNT).update();
  }

  @Test
  void theUnfilteredPageReadsTheAccountsIndexNewestFirst() {
    // The page's ids from the account's index, then each row by its key.
    assertThat(attemptScans(HistoryFilter.NONE, 0))
        .containsExactly(
            "Index Only Scan using attempt_account_started", "Index Scan using attempt_pkey");
  }

  @Test
  void aCategoryPageReadsTheCategoryIndex() {
    var filter = new HistoryFilter(Category.STRINGS, null, null, null, null);
    assertThat(attemptScans(filter, 0))
        .containsExactly(
            "Index Only Scan using attempt_account_category", "Index Scan using attempt_pkey");
  }

  @Test
  void theStoreListsTheSeededAccountsAttemptsWithTheRightTotal() {
    var page = store.list(ACCOUNT, HistoryFilter.NONE, 3, 20);
    assertThat(page.total()).isEqualTo(10_000);
    assertThat(page.items()).hasSize(20);
    // Attempt i starts i minutes before the newest: page 3 starts at i = 61.
    assertThat(page.items().get(0).startedAt())
        .isEqualTo(Instant.parse("2025-06-01T00:00:00Z").minusSeconds(61 * 60));
  }

  @Test
  void theSolveTimesReadTheAcceptedIndex() {
    var scans = scans(stats.explainSolveTimes(ACCOUNT));
    assertThat(scans).containsExactly("Index Scan using attempt_account_accepted");
  }

  @Test
  void theStatsCountEverySeededAttemptAndKeepTheLatest200SolveTimesOldestFirst() {
    var figures = stats.stats(ACCOUNT);
    // i <= n open (one per bank problem), then even i accepted, odd i given up.
    int n = jdbc.sql("select count(*) from problem").query(Integer.class).single();
    int accepted = 10_000 / 2 - n / 2;
    assertThat(figures.totals())
        .isEqualTo(new Stats.Totals(10_000, n, accepted, 10_000 - n - accepted));
    var times = figures.solveTimes();
    assertThat(times).hasSize(200);
    var newest = Instant.parse("2025-06-01T00:00:00Z");
    // Accepted attempt i ended 30 minutes after it started, i minutes before the newest: the
    // latest is the first even i after n, the 200th latest 199 even numbers later.
    int latest = n % 2 == 0 ? n + 2 : n + 1;
    int oldest = latest + 2 * 199;
    assertThat(times.get(199).endedAt()).isEqualTo(newest.minusSeconds((latest - 30) * 60L));
    assertThat(times.get(0).endedAt()).isEqualTo(newest.minusSeconds((oldest - 30) * 60L));
    assertThat(times.get(0).solvedMillis()).isEqualTo((oldest % 1800) * 1000L);
    assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(Stats.SolveTime::endedAt));
  }

  /** "Node Type using Index Name" for every node of the plan that reads {@code attempt}. */
  private List<String> attemptScans(HistoryFilter filter, int page) {
    return scans(store.explainList(ACCOUNT, filter, page, 20));
  }

  private List<String> scans(String explained) {
    var scans = new ArrayList<String>();
    collect(json.readTree(explained).get(0).get("Plan"), scans);
    return scans;
  }

  private static void collect(JsonNode node, List<String> scans) {
    if (node.has("Relation Name") && node.get("Relation Name").asString().equals("attempt")) {
      scans.add(
          node.get("Node Type").asString()
              + (node.has("Index Name") ? " using " + node.get("Index Name").asString() : ""));
    }
    if (node.has("Plans")) {
      for (var child : node.get("Plans")) {
        collect(child, scans);
      }
    }
  }
}
