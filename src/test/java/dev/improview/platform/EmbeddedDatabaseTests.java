package dev.improview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTests {

  @TempDir Path home;

  @Test
  void dataSurvivesARestartOfTheEmbeddedServer() throws Exception {
    var properties = new DatabaseProperties(null, null, null, home.resolve("pgdata"), 0, false, 2);

    try (var db = DatabaseConfiguration.EmbeddedDatabase.start(properties);
        var connection = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
      connection.createStatement().execute("create table kept (v text)");
      connection.createStatement().execute("insert into kept values ('still here')");
    }
    assertThat(Files.isDirectory(home.resolve("pgdata"))).isTrue();

    try (var db = DatabaseConfiguration.EmbeddedDatabase.start(properties);
        var connection = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
        var rs = connection.createStatement().executeQuery("select v from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still here");
    }
  }

  @Test
  void urlCredentialsAreRedactedBeforeLogging() {
    assertThat(DatabaseConfiguration.redact("jdbc:postgresql://db/x?user=a&password=secret"))
        .isEqualTo("jdbc:postgresql://db/x?…")
        .doesNotContain("secret");
  }
}
