package dev.improview.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With one sandbox slot and a short queue wait, a run that arrives while another holds the slot is
 * answered at once with 503 and Retry-After, never left hanging.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.sandbox.max-concurrent=1",
      "improview.sandbox.queue-wait=200ms",
      "improview.execution.prewarm-java=0"
    })
class RunOverloadTests {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private CompletableFuture<HttpResponse<String>> run(String code) {
    var body =
        "{\"problemId\":\"bracket-nesting-depth\",\"language\":\"javascript\",\"code\":"
            + "\""
            + code
            + "\"}";
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRunThatFindsNoFreeSandboxGets503WithRetryAfter() throws Exception {
    var slow =
        run(
            "function bracketNestingDepth(s) { const end = Date.now() + 1800; while (Date.now() < end) {} return 0; }");
    // While the slow run holds the only slot, a quick run must be turned away, not queued behind
    // it: try until one is (the slow run may take a moment to start on a busy machine).
    HttpResponse<String> rejected = null;
    while (!slow.isDone()) {
      var response = run("function bracketNestingDepth(s) { return 0; }").get();
      if (response.statusCode() == 503) {
        rejected = response;
        break;
      }
      Thread.sleep(100);
    }
    assertThat(rejected).as("a run turned away while the slot was taken").isNotNull();
    assertThat(rejected.statusCode()).isEqualTo(503);
    assertThat(rejected.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(rejected.body()).contains("engine-busy");
    assertThat(slow.get().statusCode()).isEqualTo(200);
  }
}
