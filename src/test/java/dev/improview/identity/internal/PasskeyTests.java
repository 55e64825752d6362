package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys in accounts mode against the real server and PostgreSQL: the account page's list, rename
 * and remove, only ever of the signed-in account's own passkeys; the ceremonies' options carry the
 * configured rp id; a refused assertion is a 401 problem. (A whole ceremony through a virtual
 * authenticator is web/e2e/passkeys.test.mjs.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.auth.mode=accounts",
      "improview.auth.dev-mailbox=true",
      "improview.auth.passkeys.rp-id=improview.test",
      "improview.auth.passkeys.allowed-origins=https://improview.test,https://app.improview.test",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-python=0",
      "improview.execution.prewarm-java=0"
    })
class PasskeyTests {

  @LocalServerPort int port;

  @org.junit.jupiter.api.BeforeEach
  void localAccountIsTaken() {
    // The first sign-up takes over the local account (FirstAccountTests); here it is taken, so
    // the accounts these tests make and delete are their own.
    jdbc.sql(
            "update account set email = 'first@example.com', roles = '{admin}'"
                + " where id = :id and email is null")
        .param("id", dev.improview.platform.CurrentAccount.LOCAL)
        .update();
  }

  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired PasskeyRelyingParty relyingParty;

  /** Signs {@code email} in by a link from the dev mailbox; the account id. */
  UUID signIn(Browser browser, String email) throws Exception {
    assertThat(
            browser.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}").statusCode())
        .isEqualTo(202);
    var mailbox = json.readTree(browser.get("/api/dev/mailbox").body());
    var response = browser.followMagicLink(mailbox.get(0).get("link").asString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return UUID.fromString(json.readTree(response.body()).get("id").asString());
  }

  /** A passkey as a registration ceremony would have stored it; its credential id. */
  String addPasskey(UUID account, String label) {
    var entity =
        jdbc.sql("select id from user_entities where name = :name")
            .param("name", account.toString())
            .query(String.class)
            .optional()
            .orElseGet(
                () -> {
                  var id = base64Url(UUID.randomUUID().toString());
                  jdbc.sql(
                          "insert into user_entities (id, name, display_name)"
                              + " values (:id, :name, 'someone')")
                      .param("id", id)
                      .param("name", account.toString())
                      .update();
                  return id;
                });
    var credential = base64Url(UUID.randomUUID() + label);
    jdbc.sql(
            "insert into user_credentials (credential_id, user_entity_user_id, public_key,"
                + " signature_count, uv_initialized, backup_eligible, authenticator_transports,"
                + " public_key_credential_type, backup_state, created, last_used, label)"
                + " values (:id, :entity, :key, 0, true, false, 'internal', 'public-key', false,"
                + " :now, :now, :label)")
        .param("id", credential)
        .param("entity", entity)
        .param("key", new byte[] {1, 2, 3, 4})
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .param("label", label)
        .update();
    return credential;
  }

  static String base64Url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());
  }

  HttpResponse<String> patch(Browser browser, String path, String body) throws Exception {
    if (browser.cookie("XSRF-TOKEN").isEmpty()) {
      browser.get("/api/auth/options");
    }
    return browser.send(
        HttpRequest.newBuilder(URI.create(browser.origin + path))
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow())
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  JsonNode list(Browser browser) throws Exception {
    var response = browser.get("/api/account/passkeys");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void theOwnerListsRenamesAndRemovesPasskeysEachAudited() throws Exception {
    var browser = new Browser(port);
    var account = signIn(browser, "keys@example.com");
    assertThat(list(browser).size()).isZero();
    var laptop = addPasskey(account, "Laptop");
    var phone = addPasskey(account, "Phone");

    var passkeys = list(browser);
    assertThat(passkeys.size()).isEqualTo(2);
    assertThat(passkeys.get(0).get("id").asString()).isIn(laptop, phone);
    assertThat(passkeys.get(0).has("created")).isTrue();
    assertThat(passkeys.get(0).has("lastUsed")).isTrue();
    assertThat(passkeys.get(0).has("publicKey")).isFalse();

    var renamed =
        patch(browser, "/api/account/passkeys/" + laptop, "{\"label\":\"  Work laptop \"}");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(json.readTree(renamed.body()).get("label").asString()).isEqualTo("Work laptop");

    var removed = browser.delete("/api/account/passkeys/" + phone, "");
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
    passkeys = list(browser);
    assertThat(passkeys.size()).isEqualTo(1);
    assertThat(passkeys.get(0).get("label").asString()).isEqualTo("Work laptop");

    var audit =
        jdbc.sql(
                "select kind || ': ' || detail from audit_event where account_id = :account"
                    + " and kind like 'passkey%' order by id")
            .param("account", account)
            .query(String.class)
            .list();
    assertThat(audit)
        .containsExactly(
            "passkey_renamed: Renamed a passkey to \"Work laptop\".",
            "passkey_removed: Removed the passkey \"Phone\".");
  }

  @Test
  void aBlankOrLongLabelIs400NamingTheField() throws Exception {
    var browser = new Browser(port);
    var account = signIn(browser, "labels@example.com");
    var id = addPasskey(account, "Laptop");
    for (var body :
        new String[] {"{\"label\":\"  \"}", "{}", "{\"label\":\"" + "x".repeat(65) + "\"}"}) {
      var response = patch(browser, "/api/account/passkeys/" + id, body);
      assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
      assertThat(json.readTree(response.body()).get("detail").asString()).contains("'label'");
    }
    assertThat(
            patch(browser, "/api/account/passkeys/" + id, "{\"label\":\"" + "x".repeat(64) + "\"}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void anotherAccountsPasskeyIsNotFoundExactlyLikeAMissingOne() throws Exception {
    var owner = new Browser(port);
    var theirs = addPasskey(signIn(owner, "owner-of-key@example.com"), "Theirs");
    var other = new Browser(port);
    signIn(other, "someone-else@example.com");

    var missing = patch(other, "/api/account/passkeys/bm8tc3VjaC1rZXk", "{\"label\":\"Mine\"}");
    var foreign = patch(other, "/api/account/passkeys/" + theirs, "{\"label\":\"Mine\"}");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(json.readTree(foreign.body()).get("detail").asString().replace(theirs, "ID"))
        .isEqualTo(
            json.readTree(missing.body())
                .get("detail")
                .asString()
                .replace("bm8tc3VjaC1rZXk", "ID"));
    assertThat(other.delete("/api/account/passkeys/" + theirs, "").statusCode()).isEqualTo(404);

    var still = list(owner);
    assertThat(still.size()).isEqualTo(1);
    assertThat(still.get(0).get("label").asString()).isEqualTo("Theirs");
  }

  @Test
  void signedOutThePasskeyEndpointsAre401() throws Exception {
    var browser = new Browser(port);
    assertThat(browser.get("/api/account/passkeys").statusCode()).isEqualTo(401);
    var patch = patch(browser, "/api/account/passkeys/abc", "{\"label\":\"x\"}");
    assertThat(patch.statusCode()).isEqualTo(401);
    assertThat(patch.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(browser.delete("/api/account/passkeys/abc", "").statusCode()).isEqualTo(401);
    var options = browser.postJson("/webauthn/register/options", "");
    assertThat(options.statusCode()).isEqualTo(401);
    assertThat(json.readTree(options.body()).get("type").asString()).endsWith("/unauthenticated");
    assertThat(browser.postJson("/webauthn/register", "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void theCeremoniesOptionsCarryTheConfiguredRelyingParty() throws Exception {
    var anonymous = new Browser(port);
    var signInOptions = anonymous.postJson("/webauthn/authenticate/options", "");
    assertThat(signInOptions.statusCode()).as(signInOptions.body()).isEqualTo(200);
    assertThat(json.readTree(signInOptions.body()).get("rpId").asString())
        .isEqualTo("improview.test");

    var browser = new Browser(port);
    var account = signIn(browser, "ceremony@example.com");
    var registration = browser.postJson("/webauthn/register/options", "");
    assertThat(registration.statusCode()).as(registration.body()).isEqualTo(200);
    var options = json.readTree(registration.body());
    assertThat(options.get("rp").get("id").asString()).isEqualTo("improview.test");
    assertThat(options.get("rp").get("name").asString()).isEqualTo("Improview");
    assertThat(options.get("user").get("name").asString()).isEqualTo("ceremony@example.com");
    assertThat(options.get("authenticatorSelection").get("residentKey").asString())
        .isEqualTo("required");
    // The stored user entity is named by the account, which is what sign-in looks up.
    assertThat(
            jdbc.sql("select account_id from user_entities where name = :name")
                .param("name", account.toString())
                .query(UUID.class)
                .single())
        .isEqualTo(account);
    assertThat(relyingParty.allowedOrigins())
        .containsExactly("https://improview.test", "https://app.improview.test");
  }

  @Test
  void aRefusedAssertionIs401AndAudited() throws Exception {
    var browser = new Browser(port);
    browser.postJson("/webauthn/authenticate/options", "");
    var response =
        browser.postJson(
            SecurityConfiguration.PASSKEY_SIGN_IN,
            "{\"id\":\"bm9wZQ\",\"rawId\":\"bm9wZQ\",\"type\":\"public-key\",\"response\":"
                + "{\"clientDataJSON\":\"e30\",\"authenticatorData\":\"AAAA\",\"signature\":"
                + "\"AAAA\",\"userHandle\":\"bm9wZQ\"},\"clientExtensionResults\":{}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(json.readTree(response.body()).get("detail").asString()).contains("passkey");
    assertThat(
            jdbc.sql(
                    "select detail from audit_event where kind = 'sign_in_failed'"
                        + " order by id desc limit 1")
                .query(String.class)
                .single())
        .startsWith("passkey");
  }

  @Test
  void deletingAnAccountDeletesItsPasskeys() throws Exception {
    var browser = new Browser(port);
    var account = signIn(browser, "leaving@example.com");
    addPasskey(account, "Laptop");
    jdbc.sql("delete from audit_event where account_id = :id").param("id", account).update();
    jdbc.sql("delete from account where id = :id").param("id", account).update();
    assertThat(
            jdbc.sql("select count(*) from user_entities where name = :name")
                .param("name", account.toString())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from user_credentials c where not exists (select 1 from"
                        + " user_entities u where u.id = c.user_entity_user_id)")
                .query(Integer.class)
                .single())
        .isZero();
  }
}
