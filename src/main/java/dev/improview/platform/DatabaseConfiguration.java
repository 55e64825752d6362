package dev.improview.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource: the configured external PostgreSQL, or an embedded one that persists its data.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
    var config = new HikariConfig();
    config.setPoolName("improview");
    config.setMaximumPoolSize(properties.maxPoolSize());
    if (properties.external()) {
      config.setJdbcUrl(properties.url());
      config.setUsername(properties.username());
      config.setPassword(properties.password());
      log.info("Using external PostgreSQL at {}", redact(properties.url()));
    } else {
      config.setJdbcUrl(embedded.jdbcUrl());
      config.setUsername("postgres");
      log.info(
          "Using embedded PostgreSQL on port {} with data in {}",
          embedded.port(),
          properties.embeddedEphemeral() ? "a temporary directory" : properties.embeddedDataDir());
    }
    return new HikariDataSource(config);
  }

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
    return properties.external() ? EmbeddedDatabase.none() : EmbeddedDatabase.start(properties);
  }

  /** Drops credentials that may sit in a JDBC URL's query before it is logged. */
  static String redact(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }

  /** The embedded server's lifecycle, owned by the context so it stops after the pool closes. */
  static final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }

    static EmbeddedDatabase none() {
      return new EmbeddedDatabase(null);
    }

    static EmbeddedDatabase start(DatabaseProperties properties) {
      var dataDir = properties.embeddedDataDir();
      try {
        var builder = EmbeddedPostgres.builder().setPort(properties.embeddedPort());
        if (!properties.embeddedEphemeral()) {
          Files.createDirectories(dataDir);
          builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        var postgres = builder.start();
        return new EmbeddedDatabase(postgres);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not start the embedded PostgreSQL with data in "
                + dataDir
                + " (is another Improview using it? set improview.db.embedded-data-dir"
                + " or IMPROVIEW_DB_URL)",
            e);
      }
    }

    String jdbcUrl() {
      return postgres.getJdbcUrl("postgres", "postgres");
    }

    int port() {
      return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
