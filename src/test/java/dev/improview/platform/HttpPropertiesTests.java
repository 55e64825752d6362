package dev.improview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class HttpPropertiesTests {

  static HttpProperties.MaxBodyBytes bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("improview.http", HttpProperties.class)
        .maxBodyBytes();
  }

  @Test
  void eachEndpointGetsItsOwnCapAndEveryOtherOneTheDefault() {
    var caps =
        bind(
            Map.of(
                "improview.http.max-body-bytes.runs", "2MB",
                "improview.http.max-body-bytes.imports", "8MB",
                "improview.http.max-body-bytes.default", "1KB"));
    assertThat(caps.forRequest("POST", "/api/runs"))
        .isEqualTo(new BodyLimit(2 * 1024 * 1024, "improview.http.max-body-bytes.runs"));
    assertThat(caps.forRequest("POST", "/api/problems"))
        .isEqualTo(new BodyLimit(8 * 1024 * 1024, "improview.http.max-body-bytes.imports"));
    assertThat(caps.forRequest("PUT", "/api/runs").key())
        .isEqualTo("improview.http.max-body-bytes.default");
    assertThat(caps.forRequest("POST", "/api/problems/x/solution").bytes()).isEqualTo(1024);
  }

  @Test
  void aMissingOrZeroCapIsRefusedNamingItsKey() {
    assertThatThrownBy(
            () ->
                new HttpProperties.MaxBodyBytes(
                    DataSize.ofMegabytes(1), DataSize.ofMegabytes(4), DataSize.ofBytes(0)))
        .hasMessageContaining("improview.http.max-body-bytes.default");
    assertThatThrownBy(
            () ->
                new HttpProperties.MaxBodyBytes(
                    null, DataSize.ofMegabytes(4), DataSize.ofKilobytes(64)))
        .hasMessageContaining("improview.http.max-body-bytes.runs");
  }

  @Test
  void theDetailNamesTheLimitAndTheKey() {
    assertThat(new BodyLimit(64 * 1024, "improview.http.max-body-bytes.default").detail())
        .contains("64 KiB (65536 bytes)")
        .contains("improview.http.max-body-bytes.default");
  }
}
