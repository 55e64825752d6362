package dev.improview.platform;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's mistakes over real HTTP, from a malformed request line to a body past its cap: each is
 * answered with problem details carrying the security headers, and none leaves a warning or a stack
 * trace in the log.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-python=0",
      "improview.execution.prewarm-java=0"
    })
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorsOverHttpTests {

  static final String RUN =
      "{\"problemId\":\"bracket-nesting-depth\",\"language\":\"python\",\"code\":\"x\"";

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  record Answer(int status, Function<String, String> header, String body) {}

  Answer post(String path, byte[] body) throws Exception {
    return send(path, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  Answer post(String path, String body) throws Exception {
    return post(path, body.getBytes(UTF_8));
  }

  /** Sent chunked: an input stream has no length the client could declare. */
  Answer postChunked(String path, byte[] body) throws Exception {
    return send(
        path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
  }

  private Answer send(String path, HttpRequest.BodyPublisher body) throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(body)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        name -> response.headers().firstValue(name).orElse(null),
        response.body());
  }

  /** Asserts a problem-details answer with its security headers; returns the detail. */
  String problem(Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header().apply("Content-Type")).startsWith("application/problem+json");
    for (var header : SecurityHeaders.HEADERS.entrySet()) {
      assertThat(answer.header().apply(header.getKey())).isEqualTo(header.getValue());
    }
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("type").asString()).isEqualTo("https://improview.dev/problems/" + type);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    var detail = body.path("detail").asString();
    assertThat(detail).isNotBlank();
    return detail;
  }

  String problem(RawHttp.Response response, int status, String type) {
    return problem(new Answer(response.status(), response::header, response.body()), status, type);
  }

  /** Where this test's output starts: the server's start-up has warnings of its own. */
  private int mark;

  @BeforeEach
  void mark(CapturedOutput output) {
    mark = output.getAll().length();
  }

  /** At most INFO lines, and no stack trace: these are the client's mistakes, not ours. */
  void assertQuiet(CapturedOutput output) {
    assertThat(output.getAll().substring(mark).lines())
        .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR "))
        .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
  }

  @Test
  void truncatedJsonIsABadRequestNamingThePosition(CapturedOutput output) throws Exception {
    var detail = problem(post("/api/runs", "{\"problemId\": "), 400, "bad-request");
    assertThat(detail).contains("Malformed JSON").contains("line 1, column 15");
    assertQuiet(output);
  }

  @Test
  void anEmptyBodyIsABadRequestSayingSo(CapturedOutput output) throws Exception {
    assertThat(problem(post("/api/runs", ""), 400, "bad-request")).contains("missing");
    assertThat(problem(post("/api/runs", "  \n"), 400, "bad-request")).contains("empty");
    assertQuiet(output);
  }

  @Test
  void wrongJsonTypesAreBadRequestsNamingTheField(CapturedOutput output) throws Exception {
    var base = "{\"problemId\":\"bracket-nesting-depth\",\"language\":\"python\"";
    assertThat(problem(post("/api/runs", base + ",\"code\":5}"), 400, "bad-request"))
        .contains("'code' must be a string, not an integer")
        .contains("line 1");
    assertThat(problem(post("/api/runs", RUN + ",\"customTests\":\"x\"}"), 400, "bad-request"))
        .contains("'customTests' must be an array, not a string");
    assertThat(problem(post("/api/runs", RUN + ",\"customTests\":[5]}"), 400, "bad-request"))
        .contains("'customTests[0]' must be an object");
    assertThat(
            problem(
                post("/api/runs", "{\"problemId\":{\"id\":1},\"language\":\"python\"}"),
                400,
                "bad-request"))
        .contains("'problemId' must be a string, not an object");
    assertThat(problem(post("/api/runs", "[1, 2]"), 400, "bad-request"))
        .contains("must be an object, not an array");
    assertQuiet(output);
  }

  @Test
  void bytesThatAreNotUtf8AreABadRequest(CapturedOutput output) throws Exception {
    var body = new ByteArrayOutputStream();
    body.write("{\"problemId\":\"".getBytes(UTF_8));
    body.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3});
    body.write("\",\"language\":\"python\",\"code\":\"x\"}".getBytes(UTF_8));
    assertThat(problem(post("/api/runs", body.toByteArray()), 400, "bad-request"))
        .contains("UTF-8")
        .contains("line 1, column");
    assertQuiet(output);
  }

  @Test
  void nestingDeeperThan500IsABadRequest(CapturedOutput output) throws Exception {
    var deep = "[".repeat(600) + "]".repeat(600);
    var detail =
        problem(
            post("/api/runs", RUN + ",\"customTests\":[{\"args\":" + deep + "}]}"),
            400,
            "bad-request");
    assertThat(detail)
        .contains("nesting depth")
        .contains("500")
        .doesNotContain("StreamReadConstraints");
    assertQuiet(output);
  }

  @Test
  void nanIsABadRequestInPlainWords(CapturedOutput output) throws Exception {
    var detail =
        problem(
            post("/api/runs", RUN + ",\"customTests\":[{\"args\":[NaN]}]}"), 400, "bad-request");
    assertThat(detail).contains("NaN").contains("not allowed in JSON").doesNotContain("Feature");
    assertQuiet(output);
  }

  @Test
  void aFiveThousandDigitNumberIsABadRequestThatDoesNotEchoIt(CapturedOutput output)
      throws Exception {
    var number = "7".repeat(5000);
    var detail =
        problem(
            post("/api/runs", RUN + ",\"customTests\":[{\"args\":[" + number + "]}]}"),
            400,
            "bad-request");
    assertThat(detail).contains("Number value length (5000)").doesNotContain("7777777777");
    var token = "t".repeat(5000);
    assertThat(problem(post("/api/runs", RUN + ",\"x\":" + token + "}"), 400, "bad-request"))
        .contains("Unrecognized token")
        .hasSizeLessThan(300);
    assertQuiet(output);
  }

  @Test
  void trailingGarbageIsABadRequestNamingThePosition(CapturedOutput output) throws Exception {
    assertThat(problem(post("/api/runs", RUN + "} garbage"), 400, "bad-request"))
        .contains("line 1, column");
    assertThat(problem(post("/api/runs", RUN + "} {}"), 400, "bad-request"))
        .contains("after the JSON value");
    assertQuiet(output);
  }

  @Test
  void malformedImportsAreBadRequestsNamingThePosition(CapturedOutput output) throws Exception {
    assertThat(problem(post("/api/problems", "{\"id\": "), 400, "bad-request"))
        .contains("line 1, column 8");
    assertThat(problem(post("/api/problems", ""), 400, "bad-request")).contains("missing");
    assertThat(problem(post("/api/problems", "{} x"), 400, "bad-request")).contains("line 1");
    assertQuiet(output);
  }

  @Test
  void aMalformedUrlIsAProblemWithTheSecurityHeaders(CapturedOutput output) throws Exception {
    var answer =
        RawHttp.exchange(port, "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(problem(answer, 400, "bad-request")).contains("Invalid URI");
    assertQuiet(output);
  }

  @Test
  void invalidCharactersInTheRequestLineAreAProblem(CapturedOutput output) throws Exception {
    var target = RawHttp.exchange(port, "GET /a{b} HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(problem(target, 400, "bad-request")).contains("request target");
    var method = RawHttp.exchange(port, "G(T / HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(problem(method, 400, "bad-request")).contains("method");
    assertQuiet(output);
  }

  @Test
  void anOversizedHeaderIsAProblem(CapturedOutput output) throws Exception {
    var answer =
        RawHttp.exchange(
            port,
            "GET /api/catalog HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    assertThat(problem(answer, 400, "bad-request")).contains("header is too large");
    assertQuiet(output);
  }

  @Test
  void aContentLengthOverTheCapIsRefusedBeforeTheBodyIsSent(CapturedOutput output)
      throws Exception {
    // No body follows the headers: the answer can only come from the declared length.
    var imports =
        RawHttp.exchange(
            port,
            "POST /api/problems HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 52000000\r\n\r\n");
    assertThat(problem(imports, 413, "payload-too-large"))
        .contains("4 MiB")
        .contains("improview.http.max-body-bytes.imports");
    var runs =
        RawHttp.exchange(
            port,
            "POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1048577\r\n\r\n");
    assertThat(problem(runs, 413, "payload-too-large"))
        .contains("1 MiB")
        .contains("improview.http.max-body-bytes.runs");
    var other =
        RawHttp.exchange(
            port,
            "POST /api/problems/bracket-nesting-depth/solution HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 65537\r\n\r\n");
    assertThat(problem(other, 413, "payload-too-large"))
        .contains("64 KiB")
        .contains("improview.http.max-body-bytes.default");
    assertQuiet(output);
  }

  @Test
  void aChunkedBodyOverTheCapIs413(CapturedOutput output) throws Exception {
    var code = "x".repeat(1024 * 1024 + 10_000);
    var body = RUN.replace("\"code\":\"x\"", "\"code\":\"" + code + "\"") + "}";
    assertThat(problem(postChunked("/api/runs", body.getBytes(UTF_8)), 413, "payload-too-large"))
        .contains("improview.http.max-body-bytes.runs");
    // Under the cap a chunked body is read as usual (here: a problem id no problem has).
    assertThat(
            problem(
                postChunked("/api/runs", (RUN + "}").replace("bracket", "no").getBytes(UTF_8)),
                404,
                "not-found"))
        .contains("no-nesting-depth");
    assertQuiet(output);
  }

  @Test
  void aChunkedBodyIsNotReadFarPastTheCap(CapturedOutput output) throws Exception {
    long offered = 64L * 1024 * 1024;
    var answered = new AtomicBoolean();
    var written = new AtomicLong();
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      var out = socket.getOutputStream();
      out.write(
          ("POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n9\r\n{\"code\":\"\r\n")
              .getBytes(ISO_8859_1));
      // One long string, sent until the server answers (or 64 MiB have gone).
      var writer =
          new Thread(
              () -> {
                var chunk = new byte[16 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                try {
                  while (!answered.get() && written.get() < offered) {
                    out.write("4000\r\n".getBytes(ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(ISO_8859_1));
                    written.addAndGet(chunk.length);
                  }
                } catch (IOException closed) {
                  // The server stopped listening; its answer is what counts.
                }
              });
      writer.setDaemon(true);
      writer.start();
      var statusLine = new String(socket.getInputStream().readNBytes(12), ISO_8859_1);
      answered.set(true);
      assertThat(statusLine).isEqualTo("HTTP/1.1 413");
      // Answered long before the 64 MiB were sent: the cap plus what the sockets buffer.
      assertThat(written.get()).isLessThan(offered / 2);
      writer.join(5_000);
    }
    assertQuiet(output);
  }

  @Test
  void theErrorPageIsAProblemWithTheSecurityHeaders(CapturedOutput output) throws Exception {
    var answer =
        RawHttp.exchange(
            port,
            "GET /error HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
    assertThat(problem(answer, 404, "not-found")).contains("/error");
    assertQuiet(output);
  }
}
