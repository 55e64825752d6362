package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.improview.platform.CurrentAccount;
import dev.improview.platform.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Magic links end to end in accounts mode, through a real SMTP server (GreenMail on loopback):
 * request, receive, follow, signed in; a link works once and for ten minutes; the answer for an
 * unknown or refused email is the answer for a known one; the first account takes over the local
 * data and is admin; CSRF and sign-in are enforced.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.auth.mode=accounts",
      "improview.auth.allowlist=@example.com,guest@elsewhere.org",
      "improview.auth.admin-emails=boss@example.com",
      "improview.smtp.starttls=false",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-python=0",
      "improview.execution.prewarm-java=0"
    })
@Import(MutableClock.Config.class)
class MagicLinkTests {

  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static final Pattern LINK = Pattern.compile("(http://\\S+/sign-in/link\\?token=\\S+)");

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    if (!smtp.isRunning()) {
      smtp.start();
    }
    registry.add("improview.smtp.host", () -> "127.0.0.1");
    registry.add("improview.smtp.port", () -> smtp.getSmtp().getPort());
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;

  @BeforeEach
  void clean() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    jdbc.sql("delete from one_time_token").update();
    jdbc.sql("delete from spring_session").update();
    // The local account is taken over by the first sign-up (FirstAccountTests); here it is taken,
    // so which test signs up first decides nothing.
    jdbc.sql(
            "update account set email = 'first@example.com', roles = '{admin}'"
                + " where id = :id and email is null")
        .param("id", CurrentAccount.LOCAL)
        .update();
  }

  String requestLink(Browser browser, String email) throws Exception {
    int before = smtp.getReceivedMessages().length;
    var response = browser.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(smtp.waitForIncomingEmail(10_000, before + 1)).as("mail arrived").isTrue();
    var messages = smtp.getReceivedMessages();
    MimeMessage mail = messages[messages.length - 1];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email.toLowerCase());
    var matcher = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
    assertThat(matcher.find()).as("a link in the mail").isTrue();
    return matcher.group(1);
  }

  @Test
  void aMailedLinkSignsInOnceAndTheAccountSeesItsOwnData() throws Exception {
    var browser = new Browser(port);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(browser.get("/api/attempts").statusCode()).isEqualTo(401);

    var link = requestLink(browser, "Ada@Example.com");
    assertThat(link).startsWith("http://localhost:" + port + "/sign-in/link?token=");
    // The database keeps only a hash of the token.
    var token = link.substring(link.indexOf("token=") + 6);
    assertThat(
            jdbc.sql("select count(*) from one_time_token where email = 'ada@example.com'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from one_time_token where encode(token_hash, 'escape') like :t")
                .param("t", "%" + token + "%")
                .query(Integer.class)
                .single())
        .isZero();

    var signedIn = browser.followMagicLink(link);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(json.readTree(signedIn.body()).get("email").asString()).isEqualTo("ada@example.com");
    var me = browser.get("/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(json.readTree(me.body()).get("email").asString()).isEqualTo("ada@example.com");
    assertThat(browser.get("/api/attempts").statusCode()).isEqualTo(200);
    assertThat(browser.cookie("SESSION")).isPresent();

    // The same link in another browser: refused, and that browser is not signed in.
    var other = new Browser(port);
    var again = other.followMagicLink(link);
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(json.readTree(again.body()).get("type").asString())
        .isEqualTo("https://improview.dev/problems/sign-in-failed");
    assertThat(other.get("/api/me").statusCode()).isEqualTo(401);

    // Signing out ends the session.
    assertThat(browser.postJson("/api/auth/sign-out", "").statusCode()).isEqualTo(204);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void signingOutEverywhereEndsEverySessionOfTheAccountOnly() throws Exception {
    var laptop = new Browser(port);
    laptop.followMagicLink(requestLink(laptop, "two@example.com"));
    var phone = new Browser(port);
    phone.followMagicLink(requestLink(phone, "two@example.com"));
    var someoneElse = new Browser(port);
    someoneElse.followMagicLink(requestLink(someoneElse, "three@example.com"));
    assertThat(phone.get("/api/me").statusCode()).isEqualTo(200);

    assertThat(laptop.postJson("/api/auth/sign-out-everywhere", "").statusCode()).isEqualTo(204);
    assertThat(laptop.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(phone.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(someoneElse.get("/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  void aLinkOlderThanTenMinutesIsRefused() throws Exception {
    var browser = new Browser(port);
    var link = requestLink(browser, "late@example.com");
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    var response = browser.followMagicLink(link);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aForgedOrMissingTokenIsRefused() throws Exception {
    var browser = new Browser(port);
    assertThat(
            browser.postForm(SecurityConfiguration.MAGIC_LINK_SIGN_IN, "token=nope").statusCode())
        .isEqualTo(401);
    assertThat(browser.postForm(SecurityConfiguration.MAGIC_LINK_SIGN_IN, "").statusCode())
        .isEqualTo(401);
    assertThat(
            jdbc.sql("select count(*) from audit_event where kind = 'sign_in_failed'")
                .query(Integer.class)
                .single())
        .isPositive();
  }

  @Test
  void theAnswerIsTheSameForKnownUnknownAndRefusedEmails() throws Exception {
    var browser = new Browser(port);
    // Known: an account exists after its first sign-in.
    browser.followMagicLink(requestLink(browser, "known@example.com"));
    var fresh = new Browser(port);
    var known = fresh.postJson("/api/auth/magic-link", "{\"email\":\"known@example.com\"}");
    var unknown = fresh.postJson("/api/auth/magic-link", "{\"email\":\"nobody@example.com\"}");
    var refused = fresh.postJson("/api/auth/magic-link", "{\"email\":\"known@outsider.net\"}");
    for (var response : new java.net.http.HttpResponse<?>[] {known, unknown, refused}) {
      assertThat(response.statusCode()).isEqualTo(202);
    }
    // The bodies differ only in the address they repeat back.
    assertThat(
            json.readTree(known.body()).get("detail").asString().replace("known@example.com", "X"))
        .isEqualTo(
            json.readTree(refused.body())
                .get("detail")
                .asString()
                .replace("known@outsider.net", "X"))
        .isEqualTo(
            json.readTree(unknown.body())
                .get("detail")
                .asString()
                .replace("nobody@example.com", "X"));
    // A refused email gets no mail and no token.
    smtp.waitForIncomingEmail(2_000, 3);
    assertThat(smtp.getReceivedMessagesForDomain("outsider.net")).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from one_time_token where email = 'known@outsider.net'")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where kind = 'magic_link_refused'"
                        + " and email = 'known@outsider.net'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theSixthLinkForOneEmailInFifteenMinutesIs429WhetherOrNotItHasAnAccount() throws Exception {
    for (var email : new String[] {"often@example.com", "nobody-often@outsider.net"}) {
      var browser = new Browser(port);
      for (int i = 1; i <= 5; i++) {
        assertThat(
                browser
                    .postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}")
                    .statusCode())
            .as("link %d for %s", i, email)
            .isEqualTo(202);
      }
      // From another client too: the bucket is the address's, not the asker's.
      var sixth =
          new Browser(port).postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
      assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(429);
      assertThat(json.readTree(sixth.body()).get("type").asString())
          .isEqualTo("https://improview.dev/problems/rate-limited");
      assertThat(json.readTree(sixth.body()).get("detail").asString())
          .startsWith("Too many sign-in links for this email: at most 5 every 15 min.");
      // Five every 15 minutes refill one every 3 minutes.
      assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(170L, 180L);
    }
    // The refused requests mailed nothing: five links reached the known address.
    smtp.waitForIncomingEmail(5_000, 5);
    assertThat(smtp.getReceivedMessagesForDomain("example.com")).hasSize(5);
  }

  @Test
  void aMalformedEmailIs400NamingTheField() throws Exception {
    var browser = new Browser(port);
    for (var body :
        new String[] {
          "{\"email\":\"\"}",
          "{\"email\":\"no-at-sign\"}",
          "{\"email\":\"a@b\"}",
          "{\"email\":\"a@example.com\\r\\nBcc: x@evil.com\"}",
          "{}"
        }) {
      var response = browser.postJson("/api/auth/magic-link", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json.readTree(response.body()).get("detail").asString()).contains("'email'");
    }
  }

  @Test
  void withoutTheCsrfHeaderAPostIsRefused() throws Exception {
    var browser = new Browser(port);
    var response =
        browser.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(browser.origin + "/api/auth/magic-link"))
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"ada@example.com\"}")));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json.readTree(response.body()).get("type").asString())
        .isEqualTo("https://improview.dev/problems/csrf");
  }

  @Test
  void publicReadsNeedNoSignInButImportsNeedAnAdmin() throws Exception {
    var anonymous = new Browser(port);
    assertThat(anonymous.get("/api/catalog").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/api/problems").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/api/auth/options").body()).contains("\"mode\":\"accounts\"");
    assertThat(anonymous.postJson("/api/problems", "{}").statusCode()).isEqualTo(401);

    var user = new Browser(port);
    user.followMagicLink(requestLink(user, "guest@elsewhere.org"));
    var refused = user.postJson("/api/problems", "{}");
    assertThat(refused.statusCode()).isEqualTo(403);

    var boss = new Browser(port);
    var signedIn = boss.followMagicLink(requestLink(boss, "boss@example.com"));
    assertThat(json.readTree(signedIn.body()).get("roles").toString()).contains("admin");
    // Past the role check: the import itself answers (a bad body is 400, not 403).
    assertThat(boss.postJson("/api/problems", "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void refusalsFromTheSecurityChainCarryTheSecurityHeadersAndHstsOnlyOverHttps() throws Exception {
    var browser = new Browser(port);
    var unauthenticated = browser.get("/api/me");
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(unauthenticated.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
    assertThat(unauthenticated.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(unauthenticated.headers().firstValue("Strict-Transport-Security")).isEmpty();

    var overHttps =
        browser.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.origin + "/api/me"))
                .header("X-Forwarded-Proto", "https"));
    assertThat(overHttps.headers().firstValue("Strict-Transport-Security"))
        .hasValue("max-age=31536000; includeSubDomains");
  }

  @Test
  void thePathFirewallAnswersAProblemDetail() throws Exception {
    var response = new Browser(port).get("/api/attempts/%00");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }
}
