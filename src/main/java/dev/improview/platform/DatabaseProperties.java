package dev.improview.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} the server starts an embedded PostgreSQL whose data
 * directory survives restarts; with a {@code url} (env {@code IMPROVIEW_DB_URL}) it uses that
 * server.
 */
@ConfigurationProperties("improview.db")
public record DatabaseProperties(
    String url,
    String username,
    String password,
    Path embeddedDataDir,
    @DefaultValue("0") int embeddedPort,
    @DefaultValue("false") boolean embeddedEphemeral,
    @DefaultValue("10") int maxPoolSize) {

  public DatabaseProperties {
    if (url == null || url.isBlank()) {
      if (embeddedDataDir == null && !embeddedEphemeral) {
        throw new IllegalArgumentException(
            "improview.db.embedded-data-dir is required when improview.db.url is not set");
      }
    }
    if (embeddedPort < 0 || embeddedPort > 65535) {
      throw new IllegalArgumentException(
          "improview.db.embedded-port out of range: " + embeddedPort);
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("improview.db.max-pool-size < 1: " + maxPoolSize);
    }
  }

  boolean external() {
    return url != null && !url.isBlank();
  }
}
