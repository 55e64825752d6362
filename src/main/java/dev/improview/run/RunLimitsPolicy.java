package dev.improview.run;

import dev.improview.execution.Language;
import dev.improview.execution.RunLimits;
import dev.improview.problem.Problem;
import dev.improview.problem.ProblemCatalog;
import org.springframework.stereotype.Component;

/**
 * The limits of a candidate's run: the engine's defaults, with the per-test CPU time the problem's
 * validation derived from its reference solutions in that language (the default until validated).
 */
@Component
class RunLimitsPolicy {

  private final ProblemCatalog catalog;

  RunLimitsPolicy(ProblemCatalog catalog) {
    this.catalog = catalog;
  }

  RunLimits forProblem(Problem problem, Language language) {
    var defaults = RunLimits.defaults();
    return catalog
        .timeLimit(problem.id(), language)
        .map(
            cpu ->
                new RunLimits(
                    cpu,
                    defaults.wallPerRun(),
                    defaults.memoryBytes(),
                    defaults.maxProcesses(),
                    defaults.outputBytesPerStream()))
        .orElse(defaults);
  }
}
