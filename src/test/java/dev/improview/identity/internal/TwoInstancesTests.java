package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.improview.ImproviewApplication;
import java.net.HttpCookie;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two server instances over one PostgreSQL, as behind a load balancer: the test's own server (one)
 * and a second application started beside it on the first one's database (two). A session made on
 * one is a session on the other, signing out everywhere on one ends it on both, and a rate limit
 * counts the requests both of them saw.
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
// Its accounts and links would surprise a class sharing this configuration (FirstAccountTests).
@DirtiesContext
class TwoInstancesTests {

  static ConfigurableApplicationContext second;

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startSecond(@Autowired HikariDataSource database) {
    // The second instance is configured as an operator would configure another server: the same
    // database by URL, its own port, the same mode. Nothing else is shared: no beans, no memory.
    // Command-line arguments, as an operator would pass them: they outrank application.yml.
    second =
        new SpringApplicationBuilder(ImproviewApplication.class)
            .run(
                "--server.port=0",
                "--improview.db.url=" + database.getJdbcUrl(),
                "--improview.db.username=" + database.getUsername(),
                "--improview.auth.mode=accounts",
                "--improview.auth.dev-mailbox=true",
                "--improview.execution.prewarm-javascript=0",
                "--improview.execution.prewarm-python=0",
                "--improview.execution.prewarm-java=0");
    assertThat(second.getBean(HikariDataSource.class).getJdbcUrl())
        .as("the second instance uses the first one's database")
        .isEqualTo(database.getJdbcUrl());
  }

  @AfterAll
  static void stopSecond() {
    if (second != null) {
      second.close();
    }
  }

  int secondPort() {
    return ((WebServerApplicationContext) second).getWebServer().getPort();
  }

  /** The same browser profile reaching the other instance: its cookies go with it. */
  Browser onSecond(Browser browser) {
    var other = new Browser(secondPort());
    for (HttpCookie cookie : browser.cookies.getCookieStore().getCookies()) {
      other.cookies.getCookieStore().add(URI.create(other.origin), cookie);
    }
    return other;
  }

  String signIn(Browser browser, String email) throws Exception {
    var asked = browser.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    var mailbox = json.readTree(browser.get("/api/dev/mailbox").body());
    for (var mail : mailbox) {
      if (mail.get("to").asString().equals(email)) {
        var signedIn = browser.followMagicLink(mail.get("link").asString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return json.readTree(signedIn.body()).get("id").asString();
      }
    }
    throw new AssertionError("no mail to " + email + " in " + mailbox);
  }

  @Test
  void aSessionMadeOnOneInstanceIsValidOnTheOtherAndEndsOnBoth() throws Exception {
    var onOne = new Browser(port);
    var id = signIn(onOne, "shared@example.com");

    assertThat(new Browser(secondPort()).get("/api/me").statusCode())
        .as("the second instance asks for a session too (accounts mode)")
        .isEqualTo(401);
    var onTwo = onSecond(onOne);
    var me = onTwo.get("/api/me");
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(json.readTree(me.body()).get("id").asString()).isEqualTo(id);
    // A write with the session and its CSRF token is accepted there too.
    var attempt =
        onTwo.postJson(
            "/api/attempts", "{\"problemId\":\"blocks-with-median-rank\",\"language\":\"python\"}");
    assertThat(attempt.statusCode()).as(attempt.body()).isIn(200, 201);
    var attemptId = json.readTree(attempt.body()).get("id").asString();
    var read = onOne.get("/api/attempts/" + attemptId);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);

    var ended = onTwo.postJson("/api/auth/sign-out-everywhere", "{}");
    assertThat(ended.statusCode()).as(ended.body()).isIn(200, 204);
    assertThat(onOne.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(onSecond(onOne).get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aRateLimitCountsTheRequestsBothInstancesSaw() throws Exception {
    // magic-link-email: 5 per 15 minutes per email (the default, not raised for the suites).
    var email = "counted@example.com";
    var onOne = new Browser(port);
    var onTwo = new Browser(secondPort());
    for (int i = 0; i < 5; i++) {
      var browser = i % 2 == 0 ? onOne : onTwo;
      var asked = browser.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
      assertThat(asked.statusCode()).as("request %d: %s", i + 1, asked.body()).isEqualTo(202);
    }
    for (var browser : new Browser[] {onOne, onTwo}) {
      var refused = browser.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }
    assertThat(
            jdbc.sql("select count(*) from dev_mail where to_address = :email")
                .param("email", email)
                .query(Integer.class)
                .single())
        .as("five links went out, from either instance")
        .isEqualTo(5);
  }
}
