package dev.improview.problem.internal;

import dev.improview.problem.ProblemCatalog;
import dev.improview.problem.ProblemValidator;
import dev.improview.problem.ValidationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After start-up, validates in the background every stored problem whose current content has no
 * validation yet (first start, or an edited bank problem), one at a time so users' runs keep the
 * rest of the sandbox capacity. Results are kept per content hash, so later starts skip this.
 */
@Component
class BankValidation {

  private static final Logger log = LoggerFactory.getLogger(BankValidation.class);

  private final ProblemCatalog catalog;
  private final ProblemValidator validator;
  private final ValidationProperties properties;

  BankValidation(
      ProblemCatalog catalog, ProblemValidator validator, ValidationProperties properties) {
    this.catalog = catalog;
    this.validator = validator;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void validateInBackground() {
    if (properties.validateBankOnStart()) {
      var thread = new Thread(this::validatePending, "bank-validation");
      thread.setDaemon(true);
      thread.start();
    }
  }

  void validatePending() {
    var pending = catalog.unvalidated();
    if (pending.isEmpty()) {
      return;
    }
    log.info("Validating {} problem(s) in the background", pending.size());
    int failed = 0;
    for (var stored : pending) {
      try {
        var report = validator.validate(stored.problem());
        catalog.saveValidation(stored.problem().id(), stored.sha256(), report);
        if (!report.passed()) {
          failed++;
          log.warn("Problem {} failed validation: {}", stored.problem().id(), report.checks());
        }
      } catch (RuntimeException e) {
        log.warn("Could not validate problem {} now: {}", stored.problem().id(), e.getMessage());
      }
    }
    log.info("Background validation done: {} checked, {} failed", pending.size(), failed);
  }
}
