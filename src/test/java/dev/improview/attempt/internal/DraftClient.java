package dev.improview.attempt.internal;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One browser profile calling the drafts API over real HTTP: it keeps cookies and echoes the CSRF
 * cookie on unsafe requests as the web app does (local mode sets none, so nothing is echoed).
 */
final class DraftClient {

  private final String origin;
  private final JsonMapper json;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  DraftClient(int port, JsonMapper json) {
    this.origin = "http://localhost:" + port;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  record Answer(int status, JsonNode body, String text) {
    String type() {
      return body.path("type").asString("");
    }
  }

  Answer read(String problemId) throws Exception {
    return send(request("/api/drafts/" + problemId).GET());
  }

  Answer save(String problemId, String language, String code, long baseRevision) throws Exception {
    var body = JsonNodeFactory.instance.objectNode();
    body.put("code", code);
    body.put("baseRevision", baseRevision);
    return put("/api/drafts/" + problemId + "/" + language, json.writeValueAsString(body));
  }

  Answer put(String path, String body) throws Exception {
    return send(
        unsafe(request(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer reset(String problemId, String language) throws Exception {
    return send(unsafe(request("/api/drafts/" + problemId + "/" + language)).DELETE());
  }

  /** Signs in with an emailed link read from the dev mailbox (accounts mode). */
  void signIn(String email) throws Exception {
    var asked =
        send(
            unsafe(request("/api/auth/magic-link"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")));
    if (asked.status() != 202) {
      throw new AssertionError("magic link for " + email + ": " + asked.text());
    }
    var mailbox = send(request("/api/dev/mailbox").GET()).body();
    String link = null;
    for (var mail : mailbox) {
      if (mail.get("to").asString().equals(email)) {
        link = mail.get("link").asString();
        break;
      }
    }
    if (link == null) {
      throw new AssertionError("no mail to " + email + " in " + mailbox);
    }
    var token = link.substring(link.indexOf("token=") + "token=".length());
    var form =
        "token="
            + URLEncoder.encode(
                java.net.URLDecoder.decode(token, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    var signedIn =
        send(
            unsafe(request("/api/auth/magic-link/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (signedIn.status() != 200) {
      throw new AssertionError("sign-in of " + email + ": " + signedIn.text());
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(origin + path)).header("Accept", "application/json");
  }

  private HttpRequest.Builder unsafe(HttpRequest.Builder request) throws Exception {
    if (csrf() == null) {
      send(request("/api/auth/options").GET());
    }
    var token = csrf();
    return token == null ? request : request.header("X-XSRF-TOKEN", token);
  }

  private String csrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private Answer send(HttpRequest.Builder request) throws Exception {
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    var text = response.body();
    JsonNode body = text.isBlank() ? JsonNodeFactory.instance.missingNode() : json.readTree(text);
    return new Answer(response.statusCode(), body, text);
  }
}
