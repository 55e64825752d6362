package dev.improview.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local mode, the embedded default: nobody signs in, every request is the local account's (with
 * every role), no session is made, and the dev mailbox is on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalModeTests {

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyRequestIsTheLocalAccountsWithoutASession() throws Exception {
    var me = get("/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    var body = json.readTree(me.body());
    assertThat(body.get("id").asString()).isEqualTo("00000000-0000-0000-0000-000000000001");
    assertThat(body.get("email").isNull()).isTrue();
    assertThat(body.get("roles").toString()).isEqualTo("[\"admin\"]");
    assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(get("/api/auth/options").body())
        .isEqualTo("{\"mode\":\"local\",\"devMailbox\":true}");
  }

  @Test
  void postsNeedNoCsrfTokenAndTheDevMailboxListsLinks() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/magic-link"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"me@example.com\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    var mailbox = json.readTree(get("/api/dev/mailbox").body());
    assertThat(mailbox.get(0).get("to").asString()).isEqualTo("me@example.com");
    assertThat(mailbox.get(0).get("link").asString())
        .startsWith("http://localhost:" + port + "/sign-in/link?token=");
  }
}
