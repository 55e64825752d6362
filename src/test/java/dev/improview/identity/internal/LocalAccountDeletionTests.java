package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.platform.CurrentAccount;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local mode, where nobody signs in: {@code DELETE /api/account} is confirmed by the words {@code
 * delete my data} (not an email, which the local account has none of), erases what the local
 * account made, and leaves it usable and empty, still with every role.
 */
// Its own context (and so its own database), closed afterwards: erasing the local account's data
// must not pull the floor from under other local-mode suites that share the default context.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.auth.mode=local",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-java=0"
    })
@DirtiesContext
class LocalAccountDeletionTests {

  static final String PROBLEM = "first-repeated-badge-scan";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  @Test
  void theWordsEraseTheLocalDataAndTheEmptyAccountCarriesOn() throws Exception {
    var browser = new Browser(port);
    var opened =
        browser.postJson(
            "/api/attempts", "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}");
    assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
    var attempt = tree(opened).get("id").asString();
    ok(browser.postJson("/api/attempts/" + attempt + "/timer", "{\"action\":\"start\"}"));
    ok(browser.postJson("/api/attempts/" + attempt + "/hints/0", ""));
    ok(
        browser.postJson(
            "/api/attempts/" + attempt + "/submissions",
            "{\"language\":\"python\",\"code\":\"def local():\\n    pass\\n\"}"));
    ok(
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(browser.origin + "/api/drafts/" + PROBLEM + "/python"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"# a draft\\n\",\"baseRevision\":0}"))));
    assertThat(counts()).as("attempt, submission, draft, events").allMatch(n -> n > 0);

    // An email (there is none) or half the words is refused, and nothing goes.
    for (var wrong : List.of("local@example.com", "delete my")) {
      var refused = browser.delete("/api/account", json.writeValueAsString(new Confirm(wrong)));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains("confirmation-mismatch", "'delete my data'");
    }
    assertThat(counts()).allMatch(n -> n > 0);

    // Compared as the account page does: trimmed, whatever the case.
    var deleted = browser.delete("/api/account", "{\"confirm\":\"  Delete My Data \"}");
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(counts()).containsOnly(0);
    assertThat(
            jdbc.sql("select count(*) from audit_event where kind = 'account_deleted'")
                .query(Integer.class)
                .single())
        .isOne();

    // Still the local account, with every role, and with nothing behind it.
    var me = tree(browser.get("/api/me"));
    assertThat(me.get("id").asString()).isEqualTo(CurrentAccount.LOCAL.toString());
    assertThat(me.get("email").isNull()).isTrue();
    assertThat(me.get("roles").toString()).isEqualTo("[\"admin\"]");
    var exported = tree(browser.get("/api/account/export"));
    assertThat(exported.at("/sections/attempts/attempts").size()).isZero();
    assertThat(exported.at("/sections/attempts/submissions").size()).isZero();

    // And usable: a new attempt is the only one in the history.
    var again =
        browser.postJson(
            "/api/attempts", "{\"problemId\":\"" + PROBLEM + "\",\"language\":\"python\"}");
    assertThat(again.statusCode()).as(again.body()).isIn(200, 201);
    assertThat(tree(again).get("id").asString()).isNotEqualTo(attempt);
    var history = tree(browser.get("/api/attempts"));
    assertThat(history.get("total").asInt()).as(history.toString()).isOne();
  }

  record Confirm(String confirm) {}

  /** The local account's attempts, submissions, drafts and attempt events. */
  List<Integer> counts() {
    return List.of(
        count("select count(*) from attempt where account_id = :a"),
        count("select count(*) from submission where account_id = :a"),
        count("select count(*) from draft where account_id = :a"),
        count(
            "select count(*) from attempt_event e join attempt t on t.id = e.attempt_id"
                + " where t.account_id = :a"));
  }

  int count(String sql) {
    return jdbc.sql(sql).param("a", CurrentAccount.LOCAL).query(Integer.class).single();
  }

  JsonNode tree(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }
}
