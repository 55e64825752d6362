package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.improview.platform.CurrentAccount;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two accounts, A and B: every endpoint under {@code /api/} that takes an id in its path, as the
 * OpenAPI document lists them, answers B with 404 for A's thing, the same answer as for an id that
 * does not exist, so B learns nothing, not even that it exists. A path in the document that {@link
 * #OWNERS} does not know fails the test: a new endpoint has to say whose its ids are.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.auth.mode=accounts",
      "improview.auth.dev-mailbox=true",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-java=0"
    })
class CrossUserAccessTests {

  static final String PROBLEM = "first-repeated-badge-scan";

  /** Whose an id in a path is, and so what B may see of A's. */
  enum Owner {
    ATTEMPT,
    SUBMISSION,
    GENERATION,
    PASSKEY,
    /**
     * Named by a public problem id, answered from the caller's own rows: B's call reads or writes
     * B's drafts, never A's, so it is not a 404; what is checked is that A's text stays A's.
     */
    CALLERS_OWN,
    /** The problem bank and generated problems are the same for everyone. */
    PUBLIC
  }

  /** Every templated path under /api/ in the OpenAPI document, and whose its id is. */
  static final Map<String, Owner> OWNERS =
      Map.ofEntries(
          Map.entry("/api/attempts/{id}", Owner.ATTEMPT),
          Map.entry("/api/attempts/{id}/timer", Owner.ATTEMPT),
          Map.entry("/api/attempts/{id}/heartbeat", Owner.ATTEMPT),
          Map.entry("/api/attempts/{id}/give-up", Owner.ATTEMPT),
          Map.entry("/api/attempts/{id}/hints/{index}", Owner.ATTEMPT),
          Map.entry("/api/attempts/{id}/solution", Owner.ATTEMPT),
          Map.entry("/api/attempts/{id}/submissions", Owner.ATTEMPT),
          Map.entry("/api/submissions/{id}", Owner.SUBMISSION),
          Map.entry("/api/generations/{id}", Owner.GENERATION),
          Map.entry("/api/generations/{id}/events", Owner.GENERATION),
          Map.entry("/api/account/passkeys/{id}", Owner.PASSKEY),
          Map.entry("/api/drafts/{problemId}", Owner.CALLERS_OWN),
          Map.entry("/api/drafts/{problemId}/{language}", Owner.CALLERS_OWN),
          Map.entry("/api/problems/{id}", Owner.PUBLIC),
          Map.entry("/api/problems/{id}/validation", Owner.PUBLIC));

  /** A body each method is sent with, valid enough that only ownership can refuse it. */
  static final Map<String, String> BODIES =
      Map.of(
          "/api/attempts/{id}/timer", "{\"action\":\"start\"}",
          "/api/attempts/{id}/submissions", "{\"language\":\"python\",\"code\":\"B = 1\\n\"}",
          "/api/account/passkeys/{id}", "{\"label\":\"taken by B\"}",
          "/api/drafts/{problemId}/{language}", "{\"code\":\"B's draft\\n\",\"baseRevision\":0}");

  static final String A_DRAFT = "def a_only_draft():\n    return 'private to A'\n";

  static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  record Endpoint(String method, String path) {}

  @Test
  void everyIdTakingEndpointAnswersAnotherAccountWith404() throws Exception {
    jdbc.sql(
            "update account set email = 'first@example.com', roles = '{admin}'"
                + " where id = :id and email is null")
        .param("id", CurrentAccount.LOCAL)
        .update();
    var a = signIn("owner-a@example.com");
    var b = signIn("other-b@example.com");

    var ids = new EnumMap<Owner, String>(Owner.class);
    var opened =
        a.postJson("/api/attempts", "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}");
    assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
    ids.put(Owner.ATTEMPT, tree(opened).get("id").asString());
    var submitted =
        a.postJson(
            "/api/attempts/" + ids.get(Owner.ATTEMPT) + "/submissions",
            "{\"language\":\"python\",\"code\":\"x = 1\\n\"}");
    assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 201, 202);
    ids.put(Owner.SUBMISSION, tree(submitted).get("id").asString());
    // The bank answers a generation when no LLM is configured.
    var generation =
        a.postJson("/api/generations", "{\"category\":\"graphs\",\"difficulty\":\"easy\"}");
    assertThat(generation.statusCode()).as(generation.body()).isEqualTo(202);
    ids.put(Owner.GENERATION, tree(generation).get("id").asString());
    ids.put(
        Owner.PASSKEY, addPasskey(UUID.fromString(tree(a.get("/api/me")).get("id").asString())));
    var drafted =
        a.call(
            "PUT",
            "/api/drafts/" + PROBLEM + "/python",
            json.writeValueAsString(Map.of("code", A_DRAFT, "baseRevision", 0)));
    assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);

    var endpoints = templatedApiEndpoints();
    assertThat(endpoints).as("templated endpoints in /v3/api-docs").hasSizeGreaterThan(10);
    var unknown =
        endpoints.stream().map(Endpoint::path).distinct().filter(p -> !OWNERS.containsKey(p));
    assertThat(unknown.toList())
        .as("templated paths with no entry in OWNERS: say whose their ids are")
        .isEmpty();

    var leaks = new ArrayList<String>();
    for (var endpoint : endpoints) {
      var owner = OWNERS.get(endpoint.path());
      var path = fill(endpoint.path(), ids.get(owner));
      var response = b.call(endpoint.method(), path, BODIES.get(endpoint.path()));
      var said = endpoint.method() + " " + path + " as B: " + response.statusCode();
      switch (owner) {
        case PUBLIC -> {}
        case CALLERS_OWN -> {
          if (response.body().contains("private to A")) {
            leaks.add(said + " shows A's draft");
          }
        }
        default -> {
          if (response.statusCode() != 404) {
            leaks.add(said + " " + response.body());
          }
        }
      }
    }
    assertThat(leaks).as("B reached A's things").isEmpty();

    // The 404s were about ownership: A reads the same ids, and B's writes changed nothing of A's.
    for (var endpoint : endpoints) {
      if (!endpoint.method().equals("GET")) {
        continue;
      }
      var path = fill(endpoint.path(), ids.get(OWNERS.get(endpoint.path())));
      assertThat(a.call("GET", path, null).statusCode()).as("GET " + path + " as A").isEqualTo(200);
    }
    assertThat(tree(a.get("/api/drafts/" + PROBLEM)).toString()).contains("private to A");
    var passkeys = a.get("/api/account/passkeys").body();
    assertThat(passkeys).contains(ids.get(Owner.PASSKEY)).doesNotContain("taken by B");
    var attempt = tree(a.get("/api/attempts/" + ids.get(Owner.ATTEMPT))).toString();
    assertThat(attempt).doesNotContain("gave_up").doesNotContain("given_up");
  }

  /** Every (method, path) under /api/ whose path has a template parameter. */
  List<Endpoint> templatedApiEndpoints() throws Exception {
    var docs = new Browser(port).get("/v3/api-docs");
    assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
    var endpoints = new ArrayList<Endpoint>();
    var paths = tree(docs).get("paths");
    for (var path : paths.propertyNames()) {
      if (!path.startsWith("/api/") || !TEMPLATE.matcher(path).find()) {
        continue;
      }
      for (var method : paths.get(path).propertyNames()) {
        if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
          endpoints.add(new Endpoint(method.toUpperCase(java.util.Locale.ROOT), path));
        }
      }
    }
    return endpoints;
  }

  static String fill(String template, String id) {
    return template
        .replace("{problemId}", PROBLEM)
        .replace("{language}", "python")
        .replace("{index}", "0")
        .replace("{id}", id == null ? PROBLEM : id);
  }

  Browser signIn(String email) throws Exception {
    var browser = new Browser(port);
    var asked = browser.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end; ) {
      var link =
          jdbc.sql("select link from dev_mail where to_address = :email order by id desc limit 1")
              .param("email", email)
              .query(String.class)
              .optional();
      if (link.isPresent()) {
        var signedIn = browser.followMagicLink(link.get());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return browser;
      }
      Thread.sleep(20);
    }
    return fail("no link mailed to " + email);
  }

  /** A passkey row as a registration ceremony would store it (see PasskeyTests); its id. */
  String addPasskey(UUID account) {
    var entity = base64Url(UUID.randomUUID().toString());
    jdbc.sql("insert into user_entities (id, name, display_name) values (:id, :name, 'A')")
        .param("id", entity)
        .param("name", account.toString())
        .update();
    var credential = base64Url("a-passkey-" + UUID.randomUUID());
    jdbc.sql(
            "insert into user_credentials (credential_id, user_entity_user_id, public_key,"
                + " signature_count, uv_initialized, backup_eligible, authenticator_transports,"
                + " public_key_credential_type, backup_state, created, last_used, label)"
                + " values (:id, :entity, :key, 0, true, false, 'internal', 'public-key', false,"
                + " :now, :now, 'A laptop')")
        .param("id", credential)
        .param("entity", entity)
        .param("key", new byte[] {1, 2, 3, 4})
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    return credential;
  }

  static String base64Url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
  }

  JsonNode tree(HttpResponse<String> response) {
    return json.readTree(response.body());
  }
}
