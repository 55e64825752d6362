package dev.improview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security headers on every kind of response, in accounts mode so the security chain's own
 * refusals are among them: API answers and errors, static files, the SPA's document (each with a
 * nonce of its own), Swagger UI (the one place with inline styles), Tomcat's own 400, HEAD
 * requests; HSTS only when the request came over HTTPS. The expected values are written out here
 * rather than taken from {@link SecurityHeaders}, so a change there has to change this test too.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.auth.mode=accounts",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-python=0",
      "improview.execution.prewarm-java=0"
    })
class SecurityHeadersEverywhereTests {

  static final String POLICY_BEFORE_STYLES = "default-src 'self'; script-src 'self'; style-src ";
  static final String POLICY_AFTER_STYLES =
      "; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Anything but the SPA's document and Swagger UI: no inline styles. */
  static final String STRICT = POLICY_BEFORE_STYLES + "'self'" + POLICY_AFTER_STYLES;

  static final String SWAGGER_UI =
      POLICY_BEFORE_STYLES + "'self' 'unsafe-inline'" + POLICY_AFTER_STYLES;

  static final Pattern DOCUMENT =
      Pattern.compile(
          Pattern.quote(POLICY_BEFORE_STYLES + "'self' 'nonce-")
              + "([A-Za-z0-9+/]{24})"
              + Pattern.quote("'" + POLICY_AFTER_STYLES));

  static final Map<String, String> OTHERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "strict-origin-when-cross-origin",
          "X-Frame-Options", "DENY",
          "Cross-Origin-Opener-Policy", "same-origin",
          "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Asserts the status and every header but the CSP; returns the CSP. */
  static String headers(HttpResponse<String> response, int status) {
    return headers(response.statusCode(), response.headers()::firstValue, status, response);
  }

  static String headers(
      int actual,
      java.util.function.Function<String, Optional<String>> header,
      int status,
      Object what) {
    assertThat(actual).as(String.valueOf(what)).isEqualTo(status);
    OTHERS.forEach((name, value) -> assertThat(header.apply(name)).as(name).hasValue(value));
    assertThat(header.apply("Strict-Transport-Security")).as("HSTS over plain HTTP").isEmpty();
    return header.apply("Content-Security-Policy").orElseThrow();
  }

  @Test
  void apiAnswersAndErrorsHaveTheStrictPolicy() throws Exception {
    assertThat(headers(send("GET", "/api/problems"), 200)).isEqualTo(STRICT);
    // The security chain permits the public reads for GET alone; HEAD is refused, with headers.
    assertThat(headers(send("HEAD", "/api/problems"), 401)).isEqualTo(STRICT);
    assertThat(headers(send("GET", "/api/me"), 401)).isEqualTo(STRICT);
    // No CSRF token: refused by the security chain before any controller.
    assertThat(headers(send("POST", "/api/attempts", "Content-Type", "application/json"), 403))
        .isEqualTo(STRICT);
    assertThat(headers(send("GET", "/api/problems/no-such-problem"), 404)).isEqualTo(STRICT);
    assertThat(headers(send("GET", "/api/problems?difficulty=impossible"), 400)).isEqualTo(STRICT);
    assertThat(headers(send("GET", "/no-such-file.txt"), 404)).isEqualTo(STRICT);
    assertThat(headers(send("GET", "/v3/api-docs"), 200)).isEqualTo(STRICT);
  }

  @Test
  void tomcatsOwnAnswersHaveTheStrictPolicy() throws Exception {
    for (var request :
        new String[] {
          "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
          "GET /swagger-ui/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
          "POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 1048577\r\nConnection: close\r\n\r\n"
        }) {
      var answer = RawHttp.exchange(port, request);
      var status = request.startsWith("POST") ? 413 : 400;
      var csp =
          headers(
              answer.status(),
              name -> Optional.ofNullable(answer.header(name)),
              status,
              request.lines().findFirst().orElseThrow() + " " + answer.body());
      assertThat(csp).isEqualTo(STRICT);
    }
  }

  @Test
  void staticFilesHaveTheStrictPolicy() throws Exception {
    var asset = send("GET", "/assets/headers-fixture.js");
    assertThat(headers(asset, 200)).isEqualTo(STRICT);
    assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
    assertThat(headers(send("HEAD", "/assets/headers-fixture.js"), 200)).isEqualTo(STRICT);
    assertThat(headers(send("GET", "/favicon.svg"), 200)).isEqualTo(STRICT);
    assertThat(headers(send("GET", "/assets/missing-chunk.js"), 404)).isEqualTo(STRICT);
  }

  @Test
  void theSpaDocumentCarriesAFreshStyleNonceInItsPolicyAndItsMeta() throws Exception {
    String previous = null;
    for (var path : new String[] {"/", "/index.html", "/problems/some-problem", "/history"}) {
      var document = send("GET", path);
      var csp = headers(document, 200);
      var matched = DOCUMENT.matcher(csp);
      assertThat(matched.matches()).as(path + ": " + csp).isTrue();
      var nonce = matched.group(1);
      assertThat(document.body())
          .as(path)
          .contains("<meta property=\"csp-nonce\" nonce=\"" + nonce + "\"")
          .doesNotContain("{{csp-nonce}}");
      assertThat(nonce).as("a nonce per response").isNotEqualTo(previous);
      previous = nonce;
      // Never answered 304: a cached body would hold a nonce this response's CSP does not allow.
      assertThat(document.headers().firstValue("Last-Modified")).as(path).isEmpty();
      assertThat(document.headers().firstValue("ETag")).as(path).isEmpty();
      assertThat(document.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
    }
    var revalidated =
        send(
            "GET", "/", "If-Modified-Since", "Sun, 06 Nov 2050 08:49:37 GMT", "If-None-Match", "*");
    assertThat(DOCUMENT.matcher(headers(revalidated, 200)).matches()).isTrue();
    var head = send("HEAD", "/problems/some-problem");
    assertThat(DOCUMENT.matcher(headers(head, 200)).matches()).isTrue();
  }

  @Test
  void onlySwaggerUiMayUseInlineStyles() throws Exception {
    assertThat(headers(send("GET", "/swagger-ui/index.html"), 200)).isEqualTo(SWAGGER_UI);
    assertThat(headers(send("GET", "/swagger-ui.html"), 302)).isEqualTo(SWAGGER_UI);
    // A path that only starts like it is not Swagger UI's.
    assertThat(headers(send("GET", "/swagger-uix/index.html"), 404)).isEqualTo(STRICT);
  }

  @Test
  void hstsOnlyWhenAProxyOnLoopbackSaysTheRequestCameOverHttps() throws Exception {
    for (var path : new String[] {"/api/problems", "/api/me", "/", "/assets/headers-fixture.js"}) {
      var overHttps = send("GET", path, "X-Forwarded-Proto", "https");
      assertThat(overHttps.headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValue("max-age=31536000; includeSubDomains");
      assertThat(send("GET", path).headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .isEmpty();
    }
  }
}
