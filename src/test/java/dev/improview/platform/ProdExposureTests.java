package dev.improview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In production the public port serves the API and {@code /actuator/health}, nothing else of
 * Actuator and no API explorer; metrics and Prometheus are on a management port on loopback.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "improview.execution.prewarm-javascript=0",
      "improview.execution.prewarm-python=0",
      "improview.execution.prewarm-java=0"
    })
@ActiveProfiles("prod")
class ProdExposureTests {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  private final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsAndPrometheusAreNotOnThePublicPort() throws Exception {
    assertThat(managementPort).isNotEqualTo(port);
    for (var path : new String[] {"/actuator/metrics", "/actuator/prometheus", "/actuator"}) {
      var response = get(port, path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
  }

  @Test
  void healthStaysOnThePublicPortWithItsProbes() throws Exception {
    for (var path :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      var response = get(port, path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
    }
    assertThat(get(port, "/actuator/health/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void theApiExplorerIsOff() throws Exception {
    for (var path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html"}) {
      assertThat(get(port, path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void prometheusIsOnTheManagementPortOnLoopbackOnly() throws Exception {
    var prometheus = get(managementPort, "/actuator/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("application=\"improview\"");
    var external = externalAddress();
    if (external.isPresent()) {
      assertThatThrownBy(
              () -> {
                try (var socket = new Socket()) {
                  socket.connect(new InetSocketAddress(external.get(), managementPort), 2_000);
                }
              })
          .isInstanceOf(IOException.class);
    }
  }

  /** An address of this machine other than loopback, if it has one. */
  static Optional<InetAddress> externalAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst();
  }
}
