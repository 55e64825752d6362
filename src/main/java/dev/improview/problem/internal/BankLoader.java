package dev.improview.problem.internal;

import dev.improview.platform.Sha256;
import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import dev.improview.problem.ProblemFormat;
import dev.improview.problem.ProblemSummary.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the built-in bank ({@code classpath:bank/<category>/<id>.json}) into PostgreSQL at
 * start-up. Idempotent: an unchanged problem is left alone, a higher {@code version} replaces the
 * current revision while older revisions stay for the attempts that reference them. It runs once
 * the beans are ready and before the web server opens, so no request sees a partial bank.
 */
@Component
class BankLoader implements SmartInitializingSingleton {

  static final String LOCATION = "classpath*:bank/*/*.json";
  private static final Logger log = LoggerFactory.getLogger(BankLoader.class);

  private final ProblemCatalog catalog;
  private final ProblemFormat format;

  BankLoader(ProblemCatalog catalog, ProblemFormat format) {
    this.catalog = catalog;
    this.format = format;
  }

  @Override
  public void afterSingletonsInstantiated() {
    load();
  }

  void load() {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the problem bank at " + LOCATION, e);
    }
    int added = 0;
    int replaced = 0;
    for (Resource resource : resources) {
      var bytes = bytes(resource);
      var problem = read(resource, bytes);
      var sha = Sha256.hex(bytes);
      var stored = catalog.storedVersion(problem.id());
      if (stored.isEmpty()) {
        catalog.save(problem, Source.BANK, sha);
        added++;
      } else if (stored.get().version() < problem.version()) {
        catalog.save(problem, Source.BANK, sha);
        replaced++;
      } else if (stored.get().version() == problem.version()
          && !stored.get().sha256().equals(sha)) {
        log.warn(
            "Bank problem {} changed without a version bump (still v{}); replacing it."
                + " Bump 'version' when editing a problem so earlier attempts keep theirs.",
            problem.id(),
            problem.version());
        catalog.save(problem, Source.BANK, sha);
        replaced++;
      }
    }
    log.info("Problem bank: {} problems, {} added, {} replaced", resources.length, added, replaced);
  }

  private static byte[] bytes(Resource resource) {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read bank file " + resource.getDescription(), e);
    }
  }

  Problem read(Resource resource, byte[] bytes) {
    Problem problem;
    try {
      problem = format.parse(bytes);
    } catch (ProblemFormat.InvalidProblemException e) {
      throw new IllegalStateException(
          "Bank file " + resource.getDescription() + " is not a valid problem: " + e.getMessage(),
          e);
    }
    if (!(problem.id() + ".json").equals(resource.getFilename())) {
      throw new IllegalStateException(
          "Bank file " + resource.getFilename() + " holds problem id " + problem.id());
    }
    return problem;
  }
}
