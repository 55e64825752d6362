package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts mode without {@code improview.auth.jwt.issuer-uri}: a bearer token is refused, on
 * private and public endpoints alike, never served as anonymous. (FirstAccountTests' settings, so
 * the two share one server.)
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
class BearerWithoutIssuerTests {

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  @Test
  void aBearerTokenIsRefusedSayingNoneAreAccepted() throws Exception {
    var browser = new Browser(port);
    for (var path : new String[] {"/api/me", "/api/problems"}) {
      var response =
          browser.send(
              HttpRequest.newBuilder(URI.create(browser.origin + path))
                  .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."));
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer error=\"invalid_token\"");
      var problem = json.readTree(response.body());
      assertThat(problem.get("type").asString())
          .isEqualTo("https://improview.dev/problems/invalid-token");
      assertThat(problem.get("detail").asString()).contains("accepts no bearer tokens");
    }
    // Without the header the public read is still public.
    assertThat(browser.get("/api/problems").statusCode()).isEqualTo(200);
  }
}
