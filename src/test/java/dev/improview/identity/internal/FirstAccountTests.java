package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.platform.CurrentAccount;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local installation switched to accounts mode, with the dev mailbox instead of SMTP: the first
 * account takes over the local account, its data and the admin role; the next is a new account
 * without it. The links come from the dev mailbox, newest first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.auth.mode=accounts",
      "improview.auth.dev-mailbox=true",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-python=0",
      "improview.execution.prewarm-java=0"
    })
class FirstAccountTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  JsonNode signUp(Browser browser, String email) throws Exception {
    assertThat(
            browser.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}").statusCode())
        .isEqualTo(202);
    var mailbox = json.readTree(browser.get("/api/dev/mailbox").body());
    var newest = mailbox.get(0);
    assertThat(newest.get("to").asString()).isEqualTo(email);
    assertThat(newest.get("subject").asString()).contains("sign-in link");
    assertThat(newest.get("sentAt").asString()).isNotEmpty();
    var response = browser.followMagicLink(newest.get("link").asString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  @Test
  void theFirstAccountTakesOverTheLocalDataAndIsAdmin() throws Exception {
    // Something the local user did before the switch.
    var before =
        jdbc.sql("select count(*) from account where id = :id and email is null")
            .param("id", CurrentAccount.LOCAL)
            .query(Integer.class)
            .single();
    assertThat(before).isEqualTo(1);

    var first = signUp(new Browser(port), "owner@example.com");
    assertThat(UUID.fromString(first.get("id").asString())).isEqualTo(CurrentAccount.LOCAL);
    assertThat(first.get("roles").toString()).isEqualTo("[\"admin\"]");

    var second = signUp(new Browser(port), "friend@example.com");
    assertThat(UUID.fromString(second.get("id").asString())).isNotEqualTo(CurrentAccount.LOCAL);
    assertThat(second.get("roles").size()).isZero();

    assertThat(
            jdbc.sql("select kind from audit_event where email = 'owner@example.com' order by id")
                .query(String.class)
                .list())
        .containsSubsequence("magic_link_requested", "account_created", "sign_in");
    // Mail listed newest first.
    var mailbox = json.readTree(new Browser(port).get("/api/dev/mailbox").body());
    assertThat(mailbox.get(0).get("to").asString()).isEqualTo("friend@example.com");
    assertThat(mailbox.get(1).get("to").asString()).isEqualTo("owner@example.com");
  }
}
