package dev.improview.problem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.improview.platform.Sha256;
import dev.improview.problem.ProblemCatalog;
import dev.improview.problem.ProblemSummary.Source;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class BankLoaderTests {

  @Autowired BankLoader loader;
  @Autowired ProblemCatalog catalog;
  @Autowired JdbcClient jdbc;

  @Test
  void loadsEveryBankFileOnceAndIsIdempotent() throws Exception {
    var files = new PathMatchingResourcePatternResolver().getResources(BankLoader.LOCATION).length;
    assertThat(catalog.list(null, null)).hasSize(files);
    var before = jdbc.sql("select max(updated_at) from problem").query(String.class).single();

    loader.load();

    assertThat(catalog.list(null, null)).hasSize(files);
    assertThat(jdbc.sql("select max(updated_at) from problem").query(String.class).single())
        .isEqualTo(before);
  }

  @Test
  void everyBankProblemSitsInTheFolderOfItsCategory() throws Exception {
    for (var resource :
        new PathMatchingResourcePatternResolver().getResources(BankLoader.LOCATION)) {
      var path = resource.getURL().getPath();
      var folder = path.substring(0, path.lastIndexOf('/'));
      folder = folder.substring(folder.lastIndexOf('/') + 1);
      var problem =
          catalog.find(resource.getFilename().replace(".json", "")).orElseThrow().problem();
      assertThat(problem.category().id()).as(path).isEqualTo(folder);
    }
  }

  @Test
  void theStoredHashIsTheFilesSoARestartInAnotherJvmChangesNothing() throws Exception {
    var resource =
        new PathMatchingResourcePatternResolver()
            .getResource("classpath:bank/stacks-queues/bracket-nesting-depth.json");
    byte[] bytes;
    try (var in = resource.getInputStream()) {
      bytes = in.readAllBytes();
    }
    assertThat(catalog.storedVersion("bracket-nesting-depth").orElseThrow().sha256())
        .isEqualTo(Sha256.hex(bytes));
  }

  @Test
  void aHigherVersionReplacesTheCurrentRevisionAndKeepsTheOldOne() {
    var id = catalog.list(null, null).get(0).id();
    var original = catalog.find(id).orElseThrow().problem();
    var edited =
        new dev.improview.problem.Problem(
            original.schemaVersion(),
            original.id(),
            original.version() + 1,
            original.title() + " (revised)",
            original.category(),
            original.difficulty(),
            original.tags(),
            original.estimatedMinutes(),
            original.statement(),
            original.constraints(),
            original.signature(),
            original.comparison(),
            original.examples(),
            original.publicTests(),
            original.hiddenTests(),
            original.hints(),
            original.solutions(),
            original.solutionExplanation(),
            original.complexity(),
            original.bruteForce(),
            original.inputGenerator(),
            original.inputValidator(),
            original.wrongSolutions(),
            original.checker());
    try {
      catalog.save(edited, Source.BANK, "edited");
      assertThat(catalog.find(id).orElseThrow().problem().title()).endsWith("(revised)");
      assertThat(catalog.findRevision(id, original.version()).orElseThrow().title())
          .isEqualTo(original.title());
    } finally {
      catalog.save(original, Source.BANK, Sha256.hex(new byte[0]));
      jdbc.sql("delete from problem_revision where problem_id = :id and version = :v")
          .param("id", id)
          .param("v", edited.version())
          .update();
    }
  }
}
