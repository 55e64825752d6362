package dev.improview.attempt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.platform.CurrentAccount;
import dev.improview.platform.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/attempts} and {@code GET /api/stats} over HTTP against a known set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Config.class)
class HistoryApiTests {

  static final String BAD_REQUEST = "https://improview.dev/problems/bad-request";
  static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000b0002");

  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  /** The seeded attempts' ids by their number below (1-based, 1 the oldest). */
  final List<UUID> ids = new ArrayList<>();

  Instant now;

  /**
   * Seven attempts of the local account, one minute apart (7 the newest):
   *
   * <pre>
   *  #  category        difficulty language   state     hints solution subs verdict     solved
   *  1  arrays-hashing  easy       python     accepted  0     no       2    ACCEPTED    600 s
   *  2  arrays-hashing  medium     java       given_up  2     yes      1    WRONG_ANSWER
   *  3  strings         easy       javascript accepted  1     no       3    ACCEPTED    300 s
   *  4  strings         hard       python     open      3     no       1    TIME_LIMIT_EXCEEDED
   *  5  graphs          medium     python     given_up  0     no       0    -
   *  6  arrays-hashing  hard       java       open      1     yes      0    -
   *  7  two-pointers    easy       javascript accepted  0     no       1    ACCEPTED    900 s
   * </pre>
   *
   * Accepted ones end in the order 3, 7, 1 (1 took longest). Attempt 4's timer runs.
   */
  @BeforeEach
  void seed() {
    jdbc.sql("delete from attempt").update();
    jdbc.sql("insert into account (id, display_name) values (:id, 'Other') on conflict do nothing")
        .param("id", OTHER)
        .update();
    now = clock.instant();
    var base = now.minus(Duration.ofHours(2));
    attempt(1, "arrays-hashing", "easy", "python", "accepted", 0, false, 2, "ACCEPTED", 600_000L);
    attempt(2, "arrays-hashing", "medium", "java", "given_up", 2, true, 1, "WRONG_ANSWER", null);
    attempt(3, "strings", "easy", "javascript", "accepted", 1, false, 3, "ACCEPTED", 300_000L);
    attempt(4, "strings", "hard", "python", "open", 3, false, 1, "TIME_LIMIT_EXCEEDED", null);
    attempt(5, "graphs", "medium", "python", "given_up", 0, false, 0, null, null);
    attempt(6, "arrays-hashing", "hard", "java", "open", 1, true, 0, null, null);
    attempt(7, "two-pointers", "easy", "javascript", "accepted", 0, false, 1, "ACCEPTED", 900_000L);
    for (int n = 1; n <= 7; n++) {
      var started = base.plus(Duration.ofMinutes(n));
      // 1 ends last of the accepted ones: 3, 7, then 1.
      var ended = started.plus(Duration.ofMinutes(n == 1 ? 100 : 20));
      jdbc.sql(
              "update attempt set started_at = :started,"
                  + " ended_at = case when state = 'open' then null else :ended end where id = :id")
          .param("started", timestamp(started), Types.TIMESTAMP_WITH_TIMEZONE)
          .param("ended", timestamp(ended), Types.TIMESTAMP_WITH_TIMEZONE)
          .param("id", ids.get(n - 1))
          .update();
    }
    // Attempt 4 has counted a minute before, and runs since 5 minutes ago with a heartbeat 1
    // minute ago (inside the idle cut-off): 6 minutes now.
    jdbc.sql(
            """
            update attempt set timer_elapsed_millis = 60000, timer_started_at = :since,
                               timer_running_since = :since, timer_last_heartbeat = :beat
             where id = :id
            """)
        .param("since", timestamp(now.minus(Duration.ofMinutes(5))), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("beat", timestamp(now.minus(Duration.ofMinutes(1))), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("id", ids.get(3))
        .update();
  }

  @Test
  void theHistoryListsEveryAttemptNewestFirstWithItsFigures() throws Exception {
    var body = ok("/api/attempts");
    assertThat(body.get("page").asInt()).isZero();
    assertThat(body.get("size").asInt()).isEqualTo(20);
    assertThat(body.get("total").asLong()).isEqualTo(7);
    assertThat(numbers(body)).containsExactly(7, 6, 5, 4, 3, 2, 1);

    var accepted = item(body, 1);
    assertThat(accepted.get("problemId").asString()).isEqualTo(problemId("arrays-hashing", "easy"));
    assertThat(accepted.get("title").asString()).isEqualTo(title(accepted.get("problemId")));
    assertThat(accepted.get("category").asString()).isEqualTo("arrays-hashing");
    assertThat(accepted.get("difficulty").asString()).isEqualTo("easy");
    assertThat(accepted.get("language").asString()).isEqualTo("python");
    assertThat(accepted.get("state").asString()).isEqualTo("accepted");
    assertThat(Instant.parse(accepted.get("endedAt").asString()))
        .isEqualTo(Instant.parse(accepted.get("startedAt").asString()).plusSeconds(100 * 60));
    assertThat(accepted.get("submissionCount").asInt()).isEqualTo(2);
    assertThat(accepted.get("lastVerdict").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("solvedMillis").asLong()).isEqualTo(600_000);
    assertThat(accepted.get("hintsUsed").asInt()).isZero();
    assertThat(accepted.get("solutionViewed").asBoolean()).isFalse();

    var open = item(body, 4);
    assertThat(open.has("endedAt")).isFalse();
    assertThat(open.has("solvedMillis")).isFalse();
    assertThat(open.get("hintsUsed").asInt()).isEqualTo(3);
    assertThat(open.get("lastVerdict").asString()).isEqualTo("TIME_LIMIT_EXCEEDED");
    var timer = open.get("timer");
    assertThat(timer.get("elapsedMillis").asLong()).isEqualTo(360_000);
    assertThat(timer.get("running").asBoolean()).isTrue();
    assertThat(timer.get("started").asBoolean()).isTrue();
    assertThat(timer.get("estimateMinutes").asInt())
        .isEqualTo(estimate(problemId("strings", "hard")));
    assertThat(item(body, 5).has("lastVerdict")).isFalse();
    assertThat(item(body, 6).get("solutionViewed").asBoolean()).isTrue();

    // The timer is the server's: later, the running one has counted more (up to the cut-off).
    clock.advance(Duration.ofMinutes(2));
    assertThat(item(ok("/api/attempts"), 4).get("timer").get("elapsedMillis").asLong())
        .isEqualTo(480_000);
  }

  @Test
  void eachFilterListsOnlyWhatMatchesAndTheTotalCountsThem() throws Exception {
    assertList("category=arrays-hashing", 6, 2, 1);
    assertList("difficulty=easy", 7, 3, 1);
    assertList("language=python", 5, 4, 1);
    assertList("verdict=ACCEPTED", 7, 3, 1);
    assertList("verdict=WRONG_ANSWER", 2);
    assertList("verdict=COMPILE_ERROR");
    assertList("state=open", 6, 4);
    assertList("state=given_up", 5, 2);
    assertList("category=arrays-hashing&state=open&language=java&difficulty=hard", 6);
    assertList("category=strings&verdict=ACCEPTED", 3);
    // An empty value is no filter, as the page's form sends it.
    assertList("category=&difficulty=&language=&verdict=&state=", 7, 6, 5, 4, 3, 2, 1);
  }

  @Test
  void pagesSplitTheListAndTheTotalStaysTheWholeCount() throws Exception {
    var first = ok("/api/attempts?size=3");
    assertThat(numbers(first)).containsExactly(7, 6, 5);
    assertThat(first.get("total").asLong()).isEqualTo(7);
    assertThat(first.get("size").asInt()).isEqualTo(3);
    var second = ok("/api/attempts?size=3&page=1");
    assertThat(numbers(second)).containsExactly(4, 3, 2);
    assertThat(second.get("page").asInt()).isEqualTo(1);
    assertThat(numbers(ok("/api/attempts?size=3&page=2"))).containsExactly(1);
    var past = ok("/api/attempts?size=3&page=3");
    assertThat(past.get("items").size()).isZero();
    assertThat(past.get("total").asLong()).isEqualTo(7);
    assertThat(numbers(ok("/api/attempts?state=given_up&size=1&page=1"))).containsExactly(2);
    assertThat(ok("/api/attempts?size=100").get("items").size()).isEqualTo(7);
    assertThat(ok("/api/attempts?page=2147483647&size=100").get("items").size()).isZero();
  }

  @Test
  void attemptsStartedAtTheSameInstantAreOrderedByIdDescending() throws Exception {
    var same = timestamp(now.minus(Duration.ofMinutes(30)));
    jdbc.sql("update attempt set started_at = :at where id in (:a, :b, :c)")
        .param("at", same, Types.TIMESTAMP_WITH_TIMEZONE)
        .param("a", ids.get(0))
        .param("b", ids.get(1))
        .param("c", ids.get(2))
        .update();
    // PostgreSQL orders uuids by their bytes, unsigned: as their hex text, not UUID.compareTo.
    var tied =
        ids.subList(0, 3).stream()
            .map(UUID::toString)
            .sorted(java.util.Comparator.reverseOrder())
            .toList();
    var listed = new ArrayList<String>();
    for (int page = 0; page < 3; page++) {
      ok("/api/attempts?size=1&page=" + page + "&category=&state=")
          .get("items")
          .forEach(i -> listed.add(i.get("id").asString()));
    }
    // The tie (30 minutes ago) is later than the others (about 2 hours ago): the three come
    // first, by id descending.
    assertThat(listed).containsExactlyElementsOf(tied);
  }

  @Test
  void anotherAccountsAttemptsAreNeverListedNorCounted() throws Exception {
    var foreign = new ArrayList<String>();
    for (var state : List.of("open", "accepted", "given_up")) {
      foreign.add(
          insert(
                  OTHER,
                  problemId("arrays-hashing", "easy"),
                  "arrays-hashing",
                  "easy",
                  "python",
                  state,
                  5,
                  true,
                  1,
                  state.equals("accepted") ? "ACCEPTED" : null,
                  state.equals("accepted") ? 1_000L : null,
                  now)
              .toString());
    }
    for (var query : List.of("", "?category=arrays-hashing", "?state=open", "?verdict=ACCEPTED")) {
      var body = ok("/api/attempts" + query);
      var listed = new ArrayList<String>();
      body.get("items").forEach(i -> listed.add(i.get("id").asString()));
      assertThat(listed).isNotEmpty().doesNotContainAnyElementsOf(foreign);
    }
    assertThat(ok("/api/attempts").get("total").asLong()).isEqualTo(7);
    var stats = ok("/api/stats");
    assertThat(stats.get("totals").get("attempts").asLong()).isEqualTo(7);
    assertThat(stats.get("solveTimes").size()).isEqualTo(3);
  }

  @Test
  void eachBadParameterIs400NamingItAndWhatItAccepts() throws Exception {
    badRequest(
        "category=trees-graphs", "'category'", "arrays-hashing, two-pointers", "'trees-graphs'");
    badRequest("difficulty=EASY", "'difficulty'", "easy, medium, hard", "'EASY'");
    badRequest("language=cobol", "'language'", "javascript, python, java", "'cobol'");
    badRequest("verdict=accepted", "'verdict'", "ACCEPTED, PASSED", "WRONG_ANSWER", "'accepted'");
    badRequest("state=closed", "'state'", "open, given_up, accepted", "'closed'");
    badRequest("page=-1", "'page'", "0 or more", "'-1'");
    badRequest("page=abc", "'page'", "whole number", "'abc'");
    badRequest("page=1.5", "'page'", "whole number");
    badRequest("page=99999999999", "'page'", "0 or more");
    badRequest("size=0", "'size'", "from 1 to 100", "'0'");
    badRequest("size=101", "'size'", "from 1 to 100", "'101'");
    badRequest("size=x", "'size'", "from 1 to 100");
    // Several values of one parameter are not a filter we offer.
    badRequest("state=open&state=accepted", "'state'");
  }

  @Test
  void theStatsCountTotalsGroupsAndSolveTimesOfTheSeededSet() throws Exception {
    var stats = ok("/api/stats");
    var totals = stats.get("totals");
    assertThat(totals.get("attempts").asLong()).isEqualTo(7);
    assertThat(totals.get("open").asLong()).isEqualTo(2);
    assertThat(totals.get("accepted").asLong()).isEqualTo(3);
    assertThat(totals.get("givenUp").asLong()).isEqualTo(2);

    var times = stats.get("solveTimes");
    assertThat(times.size()).isEqualTo(3);
    // Oldest first by when they were accepted: 3, 7, 1.
    assertThat(times.get(0).get("attemptId").asString()).isEqualTo(ids.get(2).toString());
    assertThat(times.get(1).get("attemptId").asString()).isEqualTo(ids.get(6).toString());
    assertThat(times.get(2).get("attemptId").asString()).isEqualTo(ids.get(0).toString());
    assertThat(times.get(0).get("solvedMillis").asLong()).isEqualTo(300_000);
    assertThat(times.get(2).get("solvedMillis").asLong()).isEqualTo(600_000);
    assertThat(times.get(1).get("difficulty").asString()).isEqualTo("easy");
    assertThat(times.get(1).get("estimateMinutes").asInt())
        .isEqualTo(estimate(problemId("two-pointers", "easy")));
    assertThat(times.get(0).get("endedAt").asString()).isNotBlank();

    var categories = stats.get("byCategory");
    assertThat(categories)
        .isEqualTo(
            tree(
                "[{\"category\":\"arrays-hashing\",\"attempts\":3,\"accepted\":1},"
                    + "{\"category\":\"two-pointers\",\"attempts\":1,\"accepted\":1},"
                    + "{\"category\":\"strings\",\"attempts\":2,\"accepted\":1},"
                    + "{\"category\":\"graphs\",\"attempts\":1,\"accepted\":0}]"));
    var difficulties = stats.get("byDifficulty");
    assertThat(difficulties)
        .isEqualTo(
            tree(
                "[{\"difficulty\":\"easy\",\"attempts\":3,\"accepted\":3,\"averageHints\":0.33,"
                    + "\"solutionViewed\":0},"
                    + "{\"difficulty\":\"medium\",\"attempts\":2,\"accepted\":0,\"averageHints\":1.0,"
                    + "\"solutionViewed\":1},"
                    + "{\"difficulty\":\"hard\",\"attempts\":2,\"accepted\":0,\"averageHints\":2.0,"
                    + "\"solutionViewed\":1}]"));
  }

  @Test
  void theStatsOfAnAccountWithoutAttemptsAreZeros() throws Exception {
    jdbc.sql("delete from attempt").update();
    assertThat(ok("/api/stats"))
        .isEqualTo(
            tree(
                "{\"totals\":{\"attempts\":0,\"open\":0,\"accepted\":0,\"givenUp\":0},"
                    + "\"solveTimes\":[],\"byCategory\":[],\"byDifficulty\":[]}"));
    var empty = ok("/api/attempts");
    assertThat(empty.get("items").size()).isZero();
    assertThat(empty.get("total").asLong()).isZero();
  }

  private void attempt(
      int n,
      String category,
      String difficulty,
      String language,
      String state,
      int hints,
      boolean solution,
      int submissions,
      String verdict,
      Long solved) {
    assertThat(ids).hasSize(n - 1);
    ids.add(
        insert(
            CurrentAccount.LOCAL,
            problemId(category, difficulty),
            category,
            difficulty,
            language,
            state,
            hints,
            solution,
            submissions,
            verdict,
            solved,
            now));
  }

  private UUID insert(
      UUID account,
      String problemId,
      String category,
      String difficulty,
      String language,
      String state,
      int hints,
      boolean solution,
      int submissions,
      String verdict,
      Long solved,
      Instant at) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into attempt (id, account_id, problem_id, problem_version, estimate_minutes,
                                 category, difficulty, language, state, started_at, ended_at,
                                 hints_used, solution_viewed, submissions, last_verdict,
                                 solved_millis)
            select :id, :account, p.id, p.version, p.estimated_minutes, :category, :difficulty,
                   :language, :state, :at, case when :state = 'open' then null else :at end,
                   :hints, :solution, :submissions, :verdict, :solved
              from problem p where p.id = :problem
            """)
        .param("id", id)
        .param("account", account)
        .param("problem", problemId)
        .param("category", category)
        .param("difficulty", difficulty)
        .param("language", language)
        .param("state", state)
        .param("at", timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("hints", hints)
        .param("solution", solution)
        .param("submissions", submissions)
        .param("verdict", verdict, Types.VARCHAR)
        .param("solved", solved, Types.BIGINT)
        .update();
    return id;
  }

  /** The first bank problem (by id) of that category and difficulty. */
  private String problemId(String category, String difficulty) {
    return jdbc.sql(
            "select id from problem where category = :c and difficulty = :d order by id limit 1")
        .param("c", category)
        .param("d", difficulty)
        .query(String.class)
        .single();
  }

  private String title(JsonNode problemId) {
    return jdbc.sql("select title from problem where id = :id")
        .param("id", problemId.asString())
        .query(String.class)
        .single();
  }

  private int estimate(String problemId) {
    return jdbc.sql("select estimated_minutes from problem where id = :id")
        .param("id", problemId)
        .query(Integer.class)
        .single();
  }

  private void assertList(String query, Integer... expected) throws Exception {
    var body = ok("/api/attempts?" + query);
    assertThat(numbers(body)).as(query).containsExactly(expected);
    assertThat(body.get("total").asLong()).as(query + " total").isEqualTo(expected.length);
  }

  /** The listed items as the seeded attempts' numbers (1-based). */
  private List<Integer> numbers(JsonNode body) {
    var numbers = new ArrayList<Integer>();
    body.get("items")
        .forEach(i -> numbers.add(ids.indexOf(UUID.fromString(i.get("id").asString())) + 1));
    return numbers;
  }

  private JsonNode item(JsonNode body, int number) {
    for (var item : body.get("items")) {
      if (item.get("id").asString().equals(ids.get(number - 1).toString())) {
        return item;
      }
    }
    throw new AssertionError("attempt " + number + " is not listed: " + body);
  }

  private JsonNode ok(String path) throws Exception {
    var response = send(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private void badRequest(String query, String... details) throws Exception {
    var response = send("/api/attempts?" + query);
    assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    var body = json.readTree(response.body());
    assertThat(body.get("type").asString()).isEqualTo(BAD_REQUEST);
    assertThat(body.get("detail").asString()).as(query).contains(details);
  }

  /** JSON as a tree: compared by value, whatever the order of an object's fields. */
  private JsonNode tree(String text) {
    return json.readTree(text);
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
