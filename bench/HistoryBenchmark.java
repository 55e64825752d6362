import dev.improview.ImproviewApplication;
import dev.improview.attempt.internal.HistorySeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Improview history benchmark: starts the server in process on a fresh embedded PostgreSQL, seeds
 * --attempts (10,000) attempts for the local account in one statement, then times GET
 * /api/attempts (a few filter combinations, the first and the last page) and GET /api/stats over
 * real HTTP, one request at a time, and prints p50/p95 against the goal (p95 <= 50 ms). See
 * docs/benchmarks.md.
 */
public class HistoryBenchmark {

  static final double GOAL_P95_MILLIS = 50;

  public static void main(String[] args) throws Exception {
    int attempts = 10_000;
    int requests = 300;
    int warmup = 100;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--attempts" -> attempts = Integer.parseInt(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "usage: bench/run.sh history [--attempts N] [--requests N] [--warmup N]");
          System.exit(2);
        }
      }
    }
    int lastPage = (attempts - 1) / 40;
    List<String> paths =
        List.of(
            "/api/attempts",
            "/api/attempts?category=strings",
            "/api/attempts?difficulty=hard&state=given_up",
            "/api/attempts?verdict=ACCEPTED&language=java",
            "/api/attempts?size=40&page=" + lastPage,
            "/api/stats");

    System.out.printf(
        Locale.ROOT,
        "Improview history benchmark  (%d cores, %d attempts, %d requests per figure after %d"
            + " warm-up, one at a time, Accept-Encoding: gzip)%n",
        Runtime.getRuntime().availableProcessors(),
        attempts,
        requests,
        warmup);
    System.out.println("load average at start: " + loadAverage());
    try (ConfigurableApplicationContext context =
        SpringApplication.run(
            ImproviewApplication.class,
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--logging.level.root=WARN",
            "--improview.db.embedded-ephemeral=true",
            "--improview.problems.validation.validate-bank-on-start=false")) {
      var jdbc = context.getBean(JdbcClient.class);
      long seeding = System.nanoTime();
      int seeded =
          HistorySeed.seed(
              jdbc, HistorySeed.LOCAL, attempts, Instant.now().truncatedTo(ChronoUnit.MILLIS));
      jdbc.sql("analyze attempt").update();
      System.out.printf(
          Locale.ROOT, "seeded %d attempts in %.0f ms%n", seeded, (System.nanoTime() - seeding) / 1e6);
      String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
      var http = HttpClient.newHttpClient();
      System.out.println();
      System.out.printf(
          Locale.ROOT, "%-48s %9s %9s %9s %8s  %s%n", "request", "p50", "p95", "max", "bytes", "goal");
      boolean met = true;
      for (String path : paths) {
        var request =
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept-Encoding", "gzip")
                .build();
        for (int i = 0; i < warmup; i++) {
          send(http, request);
        }
        long[] nanos = new long[requests];
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
          long start = System.nanoTime();
          bytes = send(http, request);
          nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p95 = percentile(nanos, 95);
        met &= p95 <= GOAL_P95_MILLIS;
        System.out.printf(
            Locale.ROOT,
            "%-48s %7.1fms %7.1fms %7.1fms %8d  %s%n",
            "GET " + path,
            percentile(nanos, 50),
            p95,
            nanos[nanos.length - 1] / 1e6,
            bytes,
            p95 <= GOAL_P95_MILLIS ? "met" : "NOT met");
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "goal p95 <= %.0f ms: %s%n",
          GOAL_P95_MILLIS,
          met ? "met for every request" : "NOT met");
    }
    System.out.println("load average at end: " + loadAverage());
  }

  /** Sends the request; returns the bytes received, or fails on anything but 200. */
  static int send(HttpClient http, HttpRequest request) throws Exception {
    var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          request.uri() + " answered " + response.statusCode() + ": " + new String(response.body()));
    }
    return response.body().length;
  }

  /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  static double percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  // The machine may be shared: the load average says how much the figures can be trusted.
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
