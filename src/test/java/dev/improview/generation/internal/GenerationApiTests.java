package dev.improview.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.generation.GenerationSource;
import dev.improview.generation.GenerationStep;
import dev.improview.platform.CurrentAccount;
import dev.improview.platform.MutableClock;
import dev.improview.problem.Category;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generations without a provider, over real HTTP and PostgreSQL: the bank pick (never an attempted
 * problem, unserved first, the topic hint), the daily quota under concurrency, the progress stream,
 * stale runs and bad input.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"improview.generation.daily-quota=6", "improview.generation.stale-after=2m"})
@Import(MutableClock.Config.class)
class GenerationApiTests {

  static final String BAD_REQUEST = "https://improview.dev/problems/bad-request";
  static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000c0002");

  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired GenerationStore store;
  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void clean() {
    jdbc.sql("delete from generation").update();
    jdbc.sql("delete from attempt").update();
    jdbc.sql("insert into account (id, display_name) values (:id, 'Other') on conflict do nothing")
        .param("id", OTHER)
        .update();
    // A fresh day each test, so earlier tests' generations never count against the quota.
    clock.advance(Duration.ofDays(1));
  }

  @Test
  void aGenerationServesAnUntriedBankProblemOfTheCategoryAndDifficulty() throws Exception {
    var response =
        post("{\"category\":\"graphs\",\"difficulty\":\"medium\",\"language\":\"java\"}");
    assertThat(response.statusCode()).isEqualTo(202);
    var body = json.readTree(response.body());
    var id = body.get("id").asString();
    assertThat(response.headers().firstValue("Location")).hasValue("/api/generations/" + id);
    assertThat(body.get("category").asString()).isEqualTo("graphs");
    assertThat(body.get("difficulty").asString()).isEqualTo("medium");
    assertThat(body.get("language").asString()).isEqualTo("java");
    assertThat(body.get("topicHint").isNull()).as("topicHint is null").isTrue();
    assertThat(body.get("state").asString()).isIn("queued", "running", "ready");
    assertThat(body.get("events").get(0).get("step").asString()).isEqualTo("queued");

    var done = awaitFinal(id);
    assertThat(done.get("state").asString()).isEqualTo("ready");
    assertThat(done.get("source").asString()).isEqualTo(GenerationSource.BANK.id());
    assertThat(done.get("reason").isNull()).as("reason is null").isTrue();
    assertThat(Instant.parse(done.get("finishedAt").asString()))
        .isAfterOrEqualTo(Instant.parse(done.get("createdAt").asString()));
    var problemId = done.get("problemId").asString();
    assertThat(bank("graphs", "medium")).contains(problemId);
    assertThat(steps(done)).containsExactly("queued", "searching-bank", "ready");
    assertThat(seqs(done)).containsExactly(1, 2, 3);
    var ready = done.get("events").get(2);
    assertThat(ready.get("problemId").asString()).isEqualTo(problemId);
    assertThat(ready.get("message").asString()).contains(title(problemId));
  }

  @Test
  void neverAProblemTheUserHasAttemptedAndTheReasonWhenNoneIsLeft() throws Exception {
    var set = richest();
    var bank = bank(set[0], set[1]);
    for (var problemId : bank.subList(1, bank.size())) {
      attempt(problemId);
    }
    // Served again and again while it is the only untried one (served problems are only avoided
    // while there is another).
    for (int i = 0; i < 3; i++) {
      var done = awaitFinal(start(set[0], set[1], null));
      assertThat(done.get("problemId").asString()).isEqualTo(bank.get(0));
    }

    attempt(bank.get(0));
    var done = awaitFinal(start(set[0], set[1], null));
    assertThat(done.get("state").asString()).isEqualTo("failed");
    assertThat(done.get("problemId").isNull()).as("problemId is null").isTrue();
    assertThat(done.get("reason").asString())
        .isEqualTo(
            Generations.NOTHING_LEFT.formatted(
                bank.size(), set[1], Category.fromId(set[0]).label()));
    var failed = done.get("events").get(done.get("events").size() - 1);
    assertThat(failed.get("step").asString()).isEqualTo("failed");
    assertThat(failed.get("message").asString()).isEqualTo(done.get("reason").asString());
  }

  @Test
  void problemsNotYetServedComeFirst() throws Exception {
    var set = richest();
    var bank = bank(set[0], set[1]);
    var served = new HashSet<String>();
    for (int i = 0; i < bank.size(); i++) {
      served.add(awaitFinal(start(set[0], set[1], null)).get("problemId").asString());
    }
    assertThat(served).containsExactlyInAnyOrderElementsOf(bank);
  }

  @Test
  void theTopicHintPicksTheProblemWhoseTitleSharesItsWords() throws Exception {
    var set = richest();
    var bank = bank(set[0], set[1]);
    int hinted = 0;
    for (var problemId : bank) {
      var word = ownWord(problemId, bank);
      if (word == null) {
        continue;
      }
      // Served problems are avoided first: start from none served each round.
      jdbc.sql("delete from generation").update();
      var done = awaitFinal(start(set[0], set[1], "something with " + word));
      assertThat(done.get("problemId").asString()).as("hint '%s'", word).isEqualTo(problemId);
      assertThat(done.get("topicHint").asString()).isEqualTo("something with " + word);
      hinted++;
    }
    assertThat(hinted).as("problems with a word of their own").isGreaterThanOrEqualTo(2);
  }

  @Test
  void theDailyQuotaHoldsUnderConcurrentRequestsAndResetsAtMidnightUtc() throws Exception {
    assertThat(generator().get("usedToday").asInt()).isZero();
    assertThat(post(body("arrays-hashing", "easy", null)).statusCode()).isEqualTo(202);

    // Twelve at once for the five left: exactly five get through.
    List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      requests.add(() -> post(body("arrays-hashing", "easy", null)));
    }
    List<Integer> statuses = new ArrayList<>();
    var pool = Executors.newFixedThreadPool(12);
    try {
      for (var future : pool.invokeAll(requests)) {
        statuses.add(future.get().statusCode());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses.stream().filter(s -> s == 202).count()).isEqualTo(5);
    assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(7);
    assertThat(generator().get("usedToday").asInt()).isEqualTo(6);

    var refused = post(body("arrays-hashing", "easy", null));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    var now = clock.instant();
    long untilMidnight = Duration.between(now, Generations.quotaResets(now)).toSeconds();
    assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(untilMidnight));
    var problem = json.readTree(refused.body());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://improview.dev/problems/generation-quota");
    assertThat(problem.get("detail").asString())
        .startsWith("You have started all 6 generations for today")
        .contains("midnight UTC");

    clock.advance(Duration.ofSeconds(untilMidnight));
    assertThat(generator().get("usedToday").asInt()).isZero();
    assertThat(post(body("arrays-hashing", "easy", null)).statusCode()).isEqualTo(202);
  }

  @Test
  void theGeneratorSaysWhereProblemsComeFromAndWhatToConfigure() throws Exception {
    var generator = generator();
    assertThat(generator.get("provider").asString()).isEqualTo("none");
    assertThat(generator.get("model").isNull()).as("model is null").isTrue();
    assertThat(generator.get("dailyQuota").asInt()).isEqualTo(6);
    assertThat(generator.get("note").asString())
        .contains("built-in bank")
        .contains("IMPROVIEW_LLM_PROVIDER");
    awaitFinal(start("tries", "easy", null));
    assertThat(generator().get("usedToday").asInt()).isEqualTo(1);
  }

  @Test
  void theStreamReplaysEveryStepNamedByItAndEndsAfterTheLast() throws Exception {
    var id = start("intervals", "medium", null);
    var done = awaitFinal(id);

    var events = stream(id, null);
    assertThat(events).extracting(Sse::name).containsExactly("queued", "searching-bank", "ready");
    assertThat(events).extracting(Sse::id).containsExactly("1", "2", "3");
    var ready = json.readTree(events.get(2).data());
    assertThat(ready.get("problemId").asString()).isEqualTo(done.get("problemId").asString());
    assertThat(ready.get("seq").asInt()).isEqualTo(3);

    // A reconnecting EventSource sends the last id it saw and gets only what follows.
    assertThat(stream(id, "2")).extracting(Sse::name).containsExactly("ready");
    assertThat(stream(id, "not a number")).hasSize(3);
  }

  @Test
  void theStreamDeliversStepsAsTheyHappen() throws Exception {
    var id = unfinished(CurrentAccount.LOCAL, clock.instant());
    var reader = Executors.newSingleThreadExecutor();
    try {
      var events = reader.submit(() -> stream(id, null));
      Thread.sleep(300);
      assertThat(events.isDone()).as("the stream waits for the rest").isFalse();
      store.event(id, GenerationStep.SEARCHING_BANK, "Looking", null, clock.instant());
      var problemId = bank("trees", "easy").get(0);
      store.finishReady(id, GenerationSource.BANK, problemId, "Ready", clock.instant());
      var got = events.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(got).extracting(Sse::name).containsExactly("queued", "searching-bank", "ready");
    } finally {
      reader.shutdownNow();
    }
  }

  @Test
  void aGenerationWhoseServerStoppedIsReportedFailedOnceStale() throws Exception {
    var id = unfinished(CurrentAccount.LOCAL, clock.instant());
    assertThat(read(id).get("state").asString()).isEqualTo("running");
    clock.advance(Duration.ofMinutes(1));
    assertThat(read(id).get("state").asString()).isEqualTo("running");

    clock.advance(Duration.ofMinutes(2));
    var stale = read(id);
    assertThat(stale.get("state").asString()).isEqualTo("failed");
    assertThat(stale.get("reason").asString()).isEqualTo(Generations.INTERRUPTED);
    assertThat(steps(stale)).containsExactly("queued", "failed");
  }

  @Test
  void anotherAccountsGenerationAndMalformedIdsAreNotFound() throws Exception {
    var theirs = unfinished(OTHER, clock.instant());
    for (var path :
        List.of(
            "/api/generations/" + theirs,
            "/api/generations/" + UUID.randomUUID(),
            "/api/generations/1-1-1-1-1",
            "/api/generations/nope")) {
      var response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(json.readTree(response.body()).get("type").asString())
          .isEqualTo("https://improview.dev/problems/not-found");
    }
    var stream =
        http.send(
            HttpRequest.newBuilder(uri("/api/generations/" + theirs + "/events"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(stream.statusCode()).isEqualTo(404);
  }

  static List<Arguments> badRequests() {
    return List.of(
        Arguments.of("{\"difficulty\":\"easy\"}", "'category' is required"),
        Arguments.of(
            "{\"category\":\"sorting\",\"difficulty\":\"easy\"}",
            "'category': unknown category 'sorting'"),
        Arguments.of("{\"category\":\"trees-graphs\",\"difficulty\":\"easy\"}", "was split into"),
        Arguments.of("{\"category\":\"graphs\"}", "'difficulty' is required"),
        Arguments.of(
            "{\"category\":\"graphs\",\"difficulty\":\"extreme\"}", "unknown difficulty 'extreme'"),
        Arguments.of(
            "{\"category\":\"graphs\",\"difficulty\":\"easy\",\"language\":\"cobol\"}",
            "'language' must be"),
        Arguments.of(
            "{\"category\":\"graphs\",\"difficulty\":\"easy\",\"topicHint\":\"a\\nb\"}",
            "one line"),
        Arguments.of("{\"category\":\"graphs\",", "line 1"),
        Arguments.of("[]", null));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void badRequestsAreProblemDetailsNamingTheField(String body, String detail) throws Exception {
    var response = post(body);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    var problem = json.readTree(response.body());
    assertThat(problem.get("type").asString()).isEqualTo(BAD_REQUEST);
    if (detail != null) {
      assertThat(problem.get("detail").asString()).contains(detail);
    }
    assertThat(jdbc.sql("select count(*) from generation").query(Integer.class).single()).isZero();
  }

  @Test
  void aTopicHintIsAtMostTwoHundredCharacters() throws Exception {
    var fits = "x".repeat(GenerationRequests.MAX_TOPIC_HINT);
    assertThat(post(body("graphs", "easy", fits)).statusCode()).isEqualTo(202);
    var response = post(body("graphs", "easy", fits + "y"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("detail").asString())
        .isEqualTo("'topicHint' must be at most 200 characters; it has 201");
    // Blank is no hint at all.
    var blank = awaitFinal(start("graphs", "easy", "   "));
    assertThat(blank.get("topicHint").isNull()).as("topicHint is null").isTrue();
  }

  // ---------------------------------------------------------------------------------------------

  record Sse(String id, String name, String data) {}

  /** A running generation with its queued step at {@code at}, as a server that then stopped. */
  UUID unfinished(UUID account, Instant at) {
    var id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into generation (id, account_id, category, difficulty, state, created_at)
            values (:id, :account, 'trees', 'easy', 'running', :at)
            """)
        .param("id", id)
        .param("account", account)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
    store.event(id, GenerationStep.QUEUED, "Queued", null, at);
    return id;
  }

  List<Sse> stream(UUID id, String lastEventId) throws Exception {
    var request =
        HttpRequest.newBuilder(uri("/api/generations/" + id + "/events"))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(20));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    var events = new ArrayList<Sse>();
    String eventId = null;
    String name = null;
    var data = new StringBuilder();
    for (var line : (Iterable<String>) response.body()::iterator) {
      if (line.isEmpty()) {
        if (name != null) {
          events.add(new Sse(eventId, name, data.toString()));
        }
        eventId = null;
        name = null;
        data.setLength(0);
      } else if (line.startsWith("id:")) {
        eventId = line.substring(3).strip();
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
      }
    }
    return events;
  }

  UUID start(String category, String difficulty, String hint) throws Exception {
    var response = post(body(category, difficulty, hint));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return UUID.fromString(json.readTree(response.body()).get("id").asString());
  }

  JsonNode awaitFinal(UUID id) throws Exception {
    return awaitFinal(id.toString());
  }

  JsonNode awaitFinal(String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      var body = read(UUID.fromString(id));
      var state = body.get("state").asString();
      if (state.equals("ready") || state.equals("failed")) {
        return body;
      }
      assertThat(System.nanoTime()).as("generation %s still %s", id, state).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  JsonNode read(UUID id) throws Exception {
    var response = get("/api/generations/" + id);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  JsonNode generator() throws Exception {
    return json.readTree(get("/api/generator").body());
  }

  /**
   * The category and difficulty with the most bank problems (at least 2), from the API, so the
   * tests follow the bank as it grows.
   */
  String[] richest() throws Exception {
    var list = json.readTree(get("/api/problems").body());
    var sizes = new java.util.TreeMap<String, Integer>();
    for (var problem : list) {
      if (problem.get("source").asString().equals("bank")) {
        sizes.merge(
            problem.get("category").asString() + " " + problem.get("difficulty").asString(),
            1,
            Integer::sum);
      }
    }
    var best = sizes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
    assertThat(best.getValue()).as("the richest set %s", best.getKey()).isGreaterThanOrEqualTo(2);
    return best.getKey().split(" ");
  }

  /** The bank's problem ids of a category and difficulty, from the API. */
  List<String> bank(String category, String difficulty) throws Exception {
    var list =
        json.readTree(
            get("/api/problems?category=" + category + "&difficulty=" + difficulty).body());
    return StreamSupport.stream(list.spliterator(), false)
        .filter(p -> p.get("source").asString().equals("bank"))
        .map(p -> p.get("id").asString())
        .sorted()
        .toList();
  }

  String title(String problemId) throws Exception {
    return json.readTree(get("/api/problems/" + problemId).body()).get("title").asString();
  }

  /** A word of the problem's title no other problem of the set has in its title or tags. */
  String ownWord(String problemId, List<String> set) throws Exception {
    var others = new HashSet<String>();
    for (var other : set) {
      if (!other.equals(problemId)) {
        others.addAll(words(other));
      }
    }
    var title = title(problemId).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    return Arrays.stream(title)
        .filter(word -> word.length() > 3 && !others.contains(word))
        .findFirst()
        .orElse(null);
  }

  Set<String> words(String problemId) throws Exception {
    var problem = json.readTree(get("/api/problems/" + problemId).body());
    var text = new StringBuilder(problem.get("title").asString());
    problem.get("tags").forEach(tag -> text.append(' ').append(tag.asString()));
    return Arrays.stream(text.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .collect(Collectors.toSet());
  }

  void attempt(String problemId) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/api/attempts"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"problemId\":\"" + problemId + "\",\"language\":\"python\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  static String body(String category, String difficulty, String hint) {
    return "{\"category\":\""
        + category
        + "\",\"difficulty\":\""
        + difficulty
        + "\""
        + (hint == null ? "" : ",\"topicHint\":\"" + hint + "\"")
        + "}";
  }

  static List<String> steps(JsonNode generation) {
    return StreamSupport.stream(generation.get("events").spliterator(), false)
        .map(e -> e.get("step").asString())
        .toList();
  }

  static List<Integer> seqs(JsonNode generation) {
    return StreamSupport.stream(generation.get("events").spliterator(), false)
        .map(e -> e.get("seq").asInt())
        .toList();
  }

  HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/api/generations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
