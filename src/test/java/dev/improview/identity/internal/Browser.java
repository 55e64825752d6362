package dev.improview.identity.internal;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A client that keeps cookies and sends the CSRF header the way the SPA does: each instance is one
 * browser profile against one server origin.
 */
final class Browser {

  final String origin;
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  Browser(int port) {
    this("http://localhost:" + port);
  }

  Browser(String origin) {
    this.origin = origin;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst();
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
  }

  HttpResponse<String> postJson(String path, String body) throws Exception {
    return send(
        withCsrf(HttpRequest.newBuilder(URI.create(origin + path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> delete(String path, String body) throws Exception {
    return send(
        withCsrf(HttpRequest.newBuilder(URI.create(origin + path)))
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Any method, with the CSRF header (and a JSON body when given). An event stream's body is left
   * unread, as it may stay open; any other body is read whole.
   */
  HttpResponse<String> call(String method, String path, String jsonBody) throws Exception {
    var request =
        withCsrf(HttpRequest.newBuilder(URI.create(origin + path)))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(
        request.build(),
        info -> {
          var type = info.headers().firstValue("Content-Type").orElse("");
          if (type.startsWith("text/event-stream")) {
            return HttpResponse.BodySubscribers.mapping(
                HttpResponse.BodySubscribers.ofInputStream(),
                stream -> {
                  try {
                    stream.close();
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                  return "";
                });
          }
          return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
  }

  /** Follows a mailed link the way /sign-in/link does: posts its token. */
  HttpResponse<String> followMagicLink(String link) throws Exception {
    var token = link.substring(link.indexOf("token=") + "token=".length());
    return postForm(
        SecurityConfiguration.MAGIC_LINK_SIGN_IN,
        "token="
            + URLEncoder.encode(
                java.net.URLDecoder.decode(token, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  HttpResponse<String> postForm(String path, String form) throws Exception {
    return send(
        withCsrf(HttpRequest.newBuilder(URI.create(origin + path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** The SPA fetches the options first, which sets the CSRF cookie, then echoes it. */
  private HttpRequest.Builder withCsrf(HttpRequest.Builder request) throws Exception {
    if (cookie("XSRF-TOKEN").isEmpty()) {
      get("/api/auth/options");
    }
    cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    return request;
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
