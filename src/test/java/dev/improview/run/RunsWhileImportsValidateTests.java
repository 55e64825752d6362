package dev.improview.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.problem.BankTemplates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A load test over real HTTP: a burst of candidates' runs while two slow imports validate. The
 * imports run in the sandbox's background lane, so every run still gets a sandbox promptly and the
 * right verdict; none is turned away as busy.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"improview.sandbox.max-concurrent=2", "improview.execution.prewarm-java=0"})
class RunsWhileImportsValidateTests {

  static final String CORRECT_PY =
      """
      def bracket_nesting_depth(s):
          pairs = {')': '(', ']': '[', '}': '{'}
          stack, best = [], 0
          for c in s:
              if c in '([{':
                  stack.append(c)
                  best = max(best, len(stack))
              elif c in pairs:
                  if not stack or stack.pop() != pairs[c]:
                      return -1
          return best if not stack else -1
      """;

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .timeout(java.time.Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The bank's bracket problem under a fresh id, its JavaScript reference slowed to 0.4 s a test.
   */
  private String slowImport() throws Exception {
    var document = BankTemplates.bracketNestingDepth(json);
    document.put("id", "slow-" + UUID.randomUUID().toString().substring(0, 8));
    var solutions = (ObjectNode) document.get("solutions");
    solutions.put(
        "javascript",
        "function pause() { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400); }\n"
            + solutions.get("javascript").asString().replaceFirst("\\{", "{ pause();"));
    return json.writeValueAsString(document);
  }

  private String run(String language, String code) throws Exception {
    var body = json.createObjectNode();
    body.put("problemId", "bracket-nesting-depth");
    body.put("language", language);
    body.put("code", code);
    return json.writeValueAsString(body);
  }

  @Test
  void interactiveRunsKeepTheirSandboxesWhileImportsValidate() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try {
      List<Future<HttpResponse<String>>> imports = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String document = slowImport();
        imports.add(clients.submit(() -> post("/api/problems", document)));
      }
      Thread.sleep(1000);

      String wrong = "def bracket_nesting_depth(s):\n    return 0\n";
      List<CompletableFuture<HttpResponse<String>>> runs = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        boolean correct = i % 2 == 0;
        String body = run("python", correct ? CORRECT_PY : wrong);
        expected.add(correct ? "PASSED" : "WRONG_ANSWER");
        runs.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return post("/api/runs", body);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                clients));
      }
      for (int i = 0; i < runs.size(); i++) {
        HttpResponse<String> response = runs.get(i).get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("verdict").asString())
            .as(response.body())
            .isEqualTo(expected.get(i));
      }
      assertThat(imports.stream().anyMatch(f -> !f.isDone()))
          .as("the burst was served while imports were still validating")
          .isTrue();
      for (Future<HttpResponse<String>> pending : imports) {
        HttpResponse<String> response = pending.get(120, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
