package dev.improview.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.problem.Category;
import dev.improview.problem.Difficulty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.QueueDispatcher;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The broker end to end, over real HTTP, PostgreSQL and the sandbox, against a local fake of the
 * OpenAI chat-completions API (okhttp MockWebServer) that replies with draft fixtures from {@code
 * llm-fixtures/drafts/}: a good draft is proven and served with its provenance; one whose
 * references disagree on a rare input is repaired in round 2; one whose hidden tests miss a planted
 * wrong solution is amplified; a 429, a 500, malformed JSON and a schema-violating draft are
 * retried or repaired; a model that never converges, or never answers, serves nothing, and nothing
 * it wrote is readable anywhere.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.llm.provider=openai-compatible",
      "improview.llm.model=fake-model",
      "improview.llm.request-timeout=60s",
      "improview.llm.max-attempts=3",
      "improview.llm.backoff-base=10ms",
      "improview.llm.backoff-max=50ms",
      "improview.generation.pool-size=0",
      "improview.generation.input-usd-per-million-tokens=2.50",
      "improview.generation.output-usd-per-million-tokens=10.00"
    })
class GenerationBrokerTests {

  static final MockWebServer MODEL = new MockWebServer();
  static final long PROMPT_TOKENS = 5200;
  static final long COMPLETION_TOKENS = 4100;
  static final String SLUG = "earliest-duplicate-ticket-stub-";

  static {
    try {
      MODEL.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void model(DynamicPropertyRegistry registry) {
    registry.add("improview.llm.base-url", () -> MODEL.url("/v1").toString());
  }

  @AfterAll
  static void stop() throws IOException {
    MODEL.shutdown();
  }

  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired PoolRefill pool;
  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void clean() throws InterruptedException {
    jdbc.sql("delete from generation").update();
    jdbc.sql("delete from attempt").update();
    jdbc.sql("delete from llm_call").update();
    // Each test's draft is new again: an earlier test's stored problem would make it a duplicate.
    jdbc.sql("delete from generated_problem").update();
    jdbc.sql("delete from problem where source = 'generated'").update();
    // Replies a previous test left unused, or requests it left unread, are not this one's.
    // A request with no reply queued gets a 404 at once (refused), not a wait for the timeout.
    var replies = new QueueDispatcher();
    replies.setFailFast(true);
    MODEL.setDispatcher(replies);
    while (MODEL.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
      // drained
    }
  }

  @Test
  void aGoodDraftIsProvenStoredWithItsProvenanceAndServed() throws Exception {
    MODEL.enqueue(completion(draft("good.json")));

    var done = generate("arrays-hashing", "easy", "ticket stubs");

    assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("ready");
    assertThat(done.get("source").asString()).isEqualTo("llm");
    var id = done.get("problemId").asString();
    assertThat(id).startsWith(SLUG);
    assertThat(steps(done))
        .containsSubsequence(
            "queued",
            "drafting",
            "schema",
            "answers",
            "input-validator",
            "references",
            "references",
            "references",
            "examples",
            "stress",
            "wrong-solutions",
            "mutation",
            "time-limits",
            "amplification",
            "ready")
        .doesNotContain("repairing", "searching-bank");
    assertThat(event(done, "stress").get("message").asString()).contains("200");
    assertThat(event(done, "stress").get("outcome").asString()).isEqualTo("passed");
    assertThat(done.get("events").get(done.get("events").size() - 1).get("message").asString())
        .isEqualTo("Ready: Earliest Duplicate Ticket Stub, proven in 1 round");

    // Served like any problem, with the answers execution gave, never the draft's claims.
    var problem = json.readTree(get("/api/problems/" + id).body());
    assertThat(problem.get("title").asString()).isEqualTo("Earliest Duplicate Ticket Stub");
    assertThat(problem.get("category").asString()).isEqualTo("arrays-hashing");
    assertThat(problem.get("examples").get(0).get("output").asInt()).isEqualTo(3);
    var provenance =
        jdbc.sql(
                "select provider, model, prompt_version, rounds, prompt_tokens, completion_tokens,"
                    + " cost_micros, served_at is not null as served from generated_problem"
                    + " where problem_id = :id")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(provenance)
        .containsEntry("provider", "openai-compatible")
        .containsEntry("model", "fake-model")
        .containsEntry("prompt_version", "v1")
        .containsEntry("rounds", 1)
        .containsEntry("prompt_tokens", PROMPT_TOKENS)
        .containsEntry("completion_tokens", COMPLETION_TOKENS)
        // 5200 x 2.50 + 4100 x 10.00 micro-USD
        .containsEntry("cost_micros", 54_000L)
        .containsEntry("served", true);

    assertThat(
            jdbc.sql("select count(*) from llm_call where generation_id = cast(:id as uuid)")
                .param("id", done.get("id").asString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // What the model was asked: the versioned prompts and the strict draft schema.
    var request = body(MODEL.takeRequest(5, TimeUnit.SECONDS));
    assertThat(request.get("model").asString()).isEqualTo("fake-model");
    var messages = request.get("messages");
    assertThat(messages.get(0).get("role").asString()).isEqualTo("system");
    assertThat(text(messages.get(0))).startsWith("You write coding-interview practice problems");
    assertThat(text(messages.get(1)))
        .contains("Category: arrays-hashing (Arrays & hashing)")
        .contains("\"ticket stubs\"");
    assertThat(request.at("/response_format/type").asString()).isEqualTo("json_schema");
    assertThat(request.at("/response_format/json_schema/strict").asBoolean()).isTrue();
  }

  @Test
  void referencesThatDisagreeOnARareInputAreRepairedInRoundTwo() throws Exception {
    MODEL.enqueue(completion(draft("references-disagree-on-a-rare-input.json")));
    MODEL.enqueue(completion(draft("good.json")));

    var done = generate("arrays-hashing", "medium", null);

    assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("ready");
    assertThat(steps(done)).containsSubsequence("drafting", "answers", "repairing", "answers");
    var refused = event(done, "answers");
    assertThat(refused.get("outcome").asString()).isEqualTo("failed");
    assertThat(refused.get("message").asString())
        .contains("the python reference returned 1000000000, the javascript reference 999999999");
    assertThat(event(done, "repairing").get("message").asString())
        .isEqualTo("Repairing (round 2 of 3): answers refused it");
    assertThat(last(done).get("message").asString()).endsWith("proven in 2 rounds");

    MODEL.takeRequest(5, TimeUnit.SECONDS);
    var repair = body(MODEL.takeRequest(5, TimeUnit.SECONDS)).get("messages");
    assertThat(repair).hasSize(4);
    assertThat(repair.get(2).get("role").asString()).isEqualTo("assistant");
    assertThat(text(repair.get(3)))
        .startsWith("Your draft (round 1 of 3) was refused at the step `answers`")
        .contains("[[1000000000,1000000000]]");
    assertThat(
            jdbc.sql("select rounds from generated_problem where problem_id = :id")
                .param("id", done.get("problemId").asString())
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void hiddenTestsThatMissAPlantedWrongSolutionAreAmplified() throws Exception {
    MODEL.enqueue(completion(draft("hidden-tests-miss-a-wrong-solution.json")));

    var done = generate("arrays-hashing", "hard", null);

    assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("ready");
    assertThat(steps(done)).doesNotContain("repairing");
    // The first validation finds the miss; amplification adds tests and the second passes.
    var amplified =
        events(done).stream()
            .filter(e -> e.get("step").asString().equals("amplification"))
            .filter(e -> e.get("outcome").asString().equals("passed"))
            .toList();
    assertThat(amplified).isNotEmpty();
    assertThat(amplified.get(amplified.size() - 1).get("message").asString())
        .contains("mishandles a log of exactly seven scans");
    var stored = json.readTree(get("/api/problems/" + done.get("problemId").asString()).body());
    assertThat(stored.get("title").asString()).isEqualTo("Earliest Duplicate Ticket Stub");
  }

  @Test
  void throttlingServerErrorsMalformedAndSchemaViolatingRepliesAreRetriedOrRepaired()
      throws Exception {
    MODEL.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("Retry-After", "1")
            .setHeader("Content-Type", "application/json")
            .setBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"));
    MODEL.enqueue(
        new MockResponse()
            .setResponseCode(500)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server\"}}"));
    MODEL.enqueue(completion(draft("malformed.txt")));
    MODEL.enqueue(completion(draft("schema-violating.json")));
    MODEL.enqueue(completion(draft("good.json")));

    var done = generate("arrays-hashing", "easy", null);

    assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("ready");
    assertThat(MODEL.getRequestCount()).isGreaterThanOrEqualTo(5);
    var schema =
        events(done).stream().filter(e -> e.get("step").asString().equals("schema")).toList();
    assertThat(schema.get(0).get("outcome").asString()).isEqualTo("failed");
    assertThat(schema.get(0).get("message").asString()).startsWith("your reply is not JSON");
    assertThat(schema.get(1).get("outcome").asString()).isEqualTo("failed");
    assertThat(schema.get(1).get("message").asString()).contains("$.signatureJson is not JSON");
    assertThat(last(done).get("message").asString()).endsWith("proven in 3 rounds");
    assertThat(jdbc.sql("select count(*) from llm_call where ok").query(Integer.class).single())
        .isEqualTo(3);
  }

  @Test
  void aModelThatNeverConvergesServesNothingAndNoDraftIsReadableAnywhere() throws Exception {
    var before = generatedIds();
    MODEL.enqueue(completion(draft("near-duplicate.json")));
    MODEL.enqueue(completion(draft("references-disagree-on-a-rare-input.json")));
    MODEL.enqueue(completion(draft("references-disagree-on-a-rare-input.json")));

    var done = generate("arrays-hashing", "easy", null);

    assertThat(done.get("state").asString()).isEqualTo("failed");
    assertThat(done.get("problemId").isNull()).isTrue();
    assertThat(done.get("reason").asString())
        .isEqualTo(
            "The model's drafts did not pass validation in 3 rounds (the last was refused at"
                + " answers), so none is served. "
                + Generations.BANK_OFFER);
    assertThat(event(done, "schema").get("message").asString())
        .startsWith(
            "the problem is too much like the stored problem \"First Repeated Badge Scan\"");
    assertThat(generatedIds()).isEqualTo(before);
    var listed = json.readTree(get("/api/problems").body());
    assertThat(StreamSupport.stream(listed.spliterator(), false))
        .noneMatch(
            p ->
                p.get("id").asString().startsWith(SLUG)
                    && !before.contains(p.get("id").asString()));
  }

  @Test
  void aModelThatNeverAnswersFailsTheGenerationWithoutStoringAnything() throws Exception {
    var before = generatedIds();
    // Each attempt's connection drops once the request is in (timeouts themselves are covered,
    // attempt by attempt, in SpringAiLlmClientTest).
    for (int i = 0; i < 3; i++) {
      MODEL.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }

    var done = generate("arrays-hashing", "easy", null);

    assertThat(done.get("state").asString()).isEqualTo("failed");
    assertThat(done.get("reason").asString()).contains("did not answer after 3 attempts");
    assertThat(generatedIds()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from llm_call where not ok").query(Integer.class).single())
        .isEqualTo(1);
  }

  @Test
  void thePoolServesAtOnceAndTheBudgetLeavesOnlyThePoolAndTheBank() throws Exception {
    MODEL.enqueue(completion(draft("good.json")));
    assertThat(pool.refill(Category.STRINGS, Difficulty.MEDIUM)).isTrue();
    int asked = MODEL.getRequestCount();
    var waiting =
        jdbc.sql("select problem_id from generated_problem where served_at is null")
            .query(String.class)
            .single();
    // Waiting in the pool it is stored but not listed: nobody has seen it yet.
    assertThat(listedIds()).doesNotContain(waiting);

    var pooled = generate("strings", "medium", null);
    assertThat(pooled.get("state").asString()).isEqualTo("ready");
    assertThat(pooled.get("source").asString()).isEqualTo("llm");
    assertThat(pooled.get("problemId").asString()).startsWith(SLUG);
    assertThat(steps(pooled)).containsExactly("queued", "ready");
    assertThat(last(pooled).get("message").asString()).startsWith("Ready: proven earlier");
    assertThat(MODEL.getRequestCount()).isEqualTo(asked);
    assertThat(pooled.get("problemId").asString()).isEqualTo(waiting);
    assertThat(listedIds()).contains(waiting);

    // Today's calls have cost the whole budget: the bank serves, and the model is not asked.
    jdbc.sql(
            "insert into llm_call (at, provider, model, purpose, prompt_tokens,"
                + " completion_tokens, cost_micros, ok) values (now(), 'openai-compatible',"
                + " 'fake-model', 'request', 0, 0, 5000000, true)")
        .update();
    var bank = generate("strings", "medium", null);
    assertThat(bank.get("state").asString()).isEqualTo("ready");
    assertThat(bank.get("source").asString()).isEqualTo("bank");
    assertThat(events(bank).get(1).get("message").asString())
        .startsWith("The server's daily budget for the model is spent");
    assertThat(MODEL.getRequestCount()).isEqualTo(asked);
  }

  // ---------------------------------------------------------------------------------------------

  static String draft(String name) {
    try (var in = GenerationBrokerTests.class.getResourceAsStream("/llm-fixtures/drafts/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A chat completion whose message is {@code content}, with the usage a real one reports. */
  MockResponse completion(String content) {
    ObjectNode body = json.createObjectNode();
    body.put("id", "chatcmpl-" + UUID.randomUUID());
    body.put("object", "chat.completion");
    body.put("created", 1764547200);
    body.put("model", "fake-model");
    var choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    choice.put("finish_reason", "stop");
    body.putObject("usage")
        .put("prompt_tokens", PROMPT_TOKENS)
        .put("completion_tokens", COMPLETION_TOKENS)
        .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(json.writeValueAsString(body));
  }

  JsonNode generate(String category, String difficulty, String hint) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(uri("/api/generations"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        GenerationApiTests.body(category, difficulty, hint)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    var id = json.readTree(response.body()).get("id").asString();
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (true) {
      var body = json.readTree(get("/api/generations/" + id).body());
      var state = body.get("state").asString();
      if (state.equals("ready") || state.equals("failed")) {
        return body;
      }
      assertThat(System.nanoTime()).as("generation still %s", state).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  List<String> listedIds() throws Exception {
    var listed = json.readTree(get("/api/problems").body());
    return StreamSupport.stream(listed.spliterator(), false)
        .map(p -> p.get("id").asString())
        .toList();
  }

  List<String> generatedIds() {
    return jdbc.sql("select id from problem where source = 'generated' order by id")
        .query(String.class)
        .list();
  }

  static List<JsonNode> events(JsonNode generation) {
    var out = new ArrayList<JsonNode>();
    generation.get("events").forEach(out::add);
    return out;
  }

  static List<String> steps(JsonNode generation) {
    return events(generation).stream().map(e -> e.get("step").asString()).toList();
  }

  static JsonNode event(JsonNode generation, String step) {
    return events(generation).stream()
        .filter(e -> e.get("step").asString().equals(step))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + step + " in " + steps(generation)));
  }

  static JsonNode last(JsonNode generation) {
    var all = events(generation);
    return all.get(all.size() - 1);
  }

  JsonNode body(RecordedRequest request) {
    assertThat(request).as("a request reached the fake model").isNotNull();
    return json.readTree(request.getBody().readUtf8());
  }

  /** A message's text, whether sent as a string or as content parts. */
  static String text(JsonNode message) {
    var content = message.get("content");
    if (content.isString()) {
      return content.asString();
    }
    var text = new StringBuilder();
    content.forEach(part -> text.append(part.path("text").asString("")));
    return text.toString();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
