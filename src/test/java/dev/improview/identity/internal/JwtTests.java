package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import dev.improview.platform.CurrentAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer JWTs from an external issuer (a loopback OIDC issuer with a test RSA key): a good token
 * signs its email's account in for that request alone; every forged, stale or misdirected token is
 * a {@code 401} problem detail that says why.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.auth.mode=accounts",
      "improview.auth.dev-mailbox=true",
      "improview.auth.allowlist=@example.com",
      "improview.auth.admin-emails=boss@example.com",
      "improview.auth.jwt.audiences=" + TestIssuer.AUDIENCE + ",another-client",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-python=0",
      "improview.execution.prewarm-java=0"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwtTests {

  static final TestIssuer issuer;

  static {
    try {
      issuer = new TestIssuer();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    // Down while the server starts: it must start anyway and fetch the keys on first use.
    issuer.down = true;
  }

  @DynamicPropertySource
  static void jwt(DynamicPropertyRegistry registry) {
    registry.add("improview.auth.jwt.issuer-uri", () -> issuer.uri);
  }

  @AfterAll
  static void stopIssuer() {
    issuer.close();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void takeTheLocalAccount() {
    jdbc.sql(
            "update account set email = 'first@example.com', roles = '{admin}'"
                + " where id = :id and email is null")
        .param("id", CurrentAccount.LOCAL)
        .update();
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A 401 {@code invalid-token} problem whose detail contains {@code reason}. */
  void assertRefused(HttpResponse<String> response, String reason) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    var problem = json.readTree(response.body());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://improview.dev/problems/invalid-token");
    assertThat(problem.get("detail").asString()).contains(reason);
  }

  @Test
  @Order(1)
  void theServerStartsWhileTheIssuerIsDownAndChecksTokensOnceItAnswers() throws Exception {
    var token = issuer.token("early@example.com");
    var down = get("/api/me", token);
    assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
    assertThat(json.readTree(down.body()).get("type").asString())
        .isEqualTo("https://improview.dev/problems/token-issuer-unavailable");

    issuer.down = false;
    assertThat(get("/api/me", token).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void aValidTokenSignsItsEmailsAccountInWithoutASession() throws Exception {
    issuer.down = false;
    var token = issuer.token("Ada@Example.com");
    var me = get("/api/me", token);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    var body = json.readTree(me.body());
    assertThat(body.get("email").asString()).isEqualTo("ada@example.com");
    // Stateless: no session is made (the SPA's readable CSRF cookie may still be written).
    assertThat(me.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = :id")
                .param("id", body.get("id").asString())
                .query(Integer.class)
                .single())
        .isZero();
    // The same account on every request, and the private endpoints answer.
    var again = json.readTree(get("/api/me", issuer.token("ada@example.com")).body());
    assertThat(again.get("id").asString()).isEqualTo(body.get("id").asString());
    var attempts = get("/api/attempts", token);
    assertThat(attempts.statusCode()).as(attempts.body()).isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where kind = 'account_created'"
                        + " and email = 'ada@example.com' and detail like '%bearer token%'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @Order(2)
  void aBearerPostNeedsNoCsrfTokenAndRolesStillApply() throws Exception {
    issuer.down = false;
    var user = post("/api/problems", issuer.token("user@example.com"), "{}");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(403);
    assertThat(json.readTree(user.body()).get("type").asString())
        .isEqualTo("https://improview.dev/problems/forbidden");
    // An admin email gets past the role check: the import itself answers (a bad body is 400).
    var boss = post("/api/problems", issuer.token("boss@example.com"), "{}");
    assertThat(boss.statusCode()).as(boss.body()).isEqualTo(400);
  }

  @Test
  @Order(2)
  void aSessionCookieBesideATokenLendsItNothing() throws Exception {
    issuer.down = false;
    // An admin's browser session, through the dev mailbox.
    var browser = new Browser(port);
    browser.postJson("/api/auth/magic-link", "{\"email\":\"boss@example.com\"}");
    var link = json.readTree(browser.get("/api/dev/mailbox").body()).get(0).get("link").asString();
    assertThat(browser.followMagicLink(link).statusCode()).isEqualTo(200);
    assertThat(browser.cookie("SESSION")).isPresent();

    var token = issuer.token("user2@example.com");
    var me =
        browser.send(
            HttpRequest.newBuilder(URI.create(browser.origin + "/api/me"))
                .header("Authorization", "Bearer " + token));
    assertThat(json.readTree(me.body()).get("email").asString()).isEqualTo("user2@example.com");
    var importing =
        browser.send(
            HttpRequest.newBuilder(URI.create(browser.origin + "/api/problems"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(importing.statusCode()).as(importing.body()).isEqualTo(403);
  }

  @Test
  @Order(2)
  void forgedStaleAndMisdirectedTokensAre401SayingWhy() throws Exception {
    issuer.down = false;
    var email = "mallory@example.com";
    var past = Date.from(Instant.now().minusSeconds(600));

    assertRefused(
        get("/api/me", issuer.sign(issuer.claims(email, c -> c.audience("someone-else")))),
        "audience (aud)");
    assertRefused(
        get(
            "/api/me",
            issuer.sign(issuer.claims(email, c -> c.issuer("https://evil.example.com")))),
        "issuer (iss)");
    assertRefused(
        get(
            "/api/me",
            issuer.sign(
                issuer.claims(
                    email, c -> c.expirationTime(past).notBeforeTime(null).issueTime(null)))),
        "expired");
    assertRefused(
        get("/api/me", issuer.sign(issuer.claims(email, c -> c.expirationTime(null)))),
        "no expiry");
    assertRefused(
        get(
            "/api/me",
            issuer.sign(
                issuer.claims(
                    email, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))))),
        "not valid before");

    // The payload changed after signing: another email under the same signature.
    var good = issuer.token(email).split("\\.");
    var otherPayload =
        Base64URL.encode(issuer.claims("boss@example.com", c -> {}).toString()).toString();
    assertRefused(
        get("/api/me", good[0] + "." + otherPayload + "." + good[2]), "Invalid signature");
    // The signature changed.
    var signature = good[2].toCharArray();
    signature[10] = signature[10] == 'A' ? 'B' : 'A';
    assertRefused(
        get("/api/me", good[0] + "." + good[1] + "." + new String(signature)), "Invalid signature");

    assertRefused(
        get("/api/me", issuer.unsigned(issuer.claims(email, c -> {}))),
        "Unsupported algorithm of none");
    assertRefused(get("/api/me", issuer.hmacWithPublicKey(issuer.claims(email, c -> {}))), "RS256");
    assertRefused(get("/api/me", "not-a-jwt"), "Malformed token");

    assertRefused(
        get("/api/me", issuer.sign(issuer.claims(email, c -> c.claim("email", null)))),
        "no 'email' claim");
    assertRefused(
        get("/api/me", issuer.sign(issuer.claims(email, c -> c.claim("email_verified", false)))),
        "not verified");
    assertRefused(get("/api/me", issuer.token("stranger@elsewhere.org")), "may not sign up");

    // A bad token is refused on a public endpoint too, never served as anonymous.
    assertRefused(
        get("/api/problems", issuer.sign(issuer.claims(email, c -> c.audience("x")))), "aud");
    assertThat(
            jdbc.sql("select count(*) from account where email = 'mallory@example.com'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  @Order(2)
  void failedBearerSignInsAreAuditedWithoutTheToken() throws Exception {
    issuer.down = false;
    var token = issuer.sign(issuer.claims("eve@example.com", c -> c.audience("x")));
    assertRefused(get("/api/me", token), "aud");
    var details =
        jdbc.sql("select detail from audit_event where kind = 'sign_in_failed'")
            .query(String.class)
            .list();
    assertThat(details).anyMatch(d -> d.startsWith("bearer token: ") && d.contains("(aud)"));
    var signature = token.substring(token.lastIndexOf('.') + 1);
    assertThat(details).noneMatch(d -> d.contains(signature) || d.contains(token));
  }

  @Test
  @Order(2)
  void theResourceMetadataNamesTheIssuer() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/.well-known/oauth-protected-resource"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).get("authorization_servers").toString())
        .contains(issuer.uri);
  }
}
