package dev.improview.problem;

import dev.improview.execution.Language;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How problems are validated and how their time limits are derived: the slowest reference test
 * times a per-language multiple, no lower than {@code floor} and no higher than {@code ceiling}.
 * One document's validation, all languages together, may take at most {@code deadline}; its runs
 * use the sandbox's background lane, so they never take a slot a candidate's run could have. A
 * problem with a brute force and an input generator is stress-checked on {@code stressInputs}
 * generated small inputs.
 */
@ConfigurationProperties("improview.problems.validation")
public record ValidationProperties(
    @DefaultValue("10s") Duration referenceCpuPerTest,
    @DefaultValue("120s") Duration referenceWallPerRun,
    @DefaultValue("3") int multiplierJavascript,
    @DefaultValue("3") int multiplierPython,
    @DefaultValue("4") int multiplierJava,
    @DefaultValue("1s") Duration floor,
    @DefaultValue("10s") Duration ceiling,
    @DefaultValue("true") boolean validateBankOnStart,
    @DefaultValue("90s") Duration deadline,
    @DefaultValue("200") int stressInputs) {

  public ValidationProperties {
    if (multiplierJavascript < 1 || multiplierPython < 1 || multiplierJava < 1) {
      throw new IllegalArgumentException("improview.problems.validation.multiplier-* must be >= 1");
    }
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException(
          "improview.problems.validation.deadline <= 0: " + deadline);
    }
    if (stressInputs < 1) {
      throw new IllegalArgumentException(
          "improview.problems.validation.stress-inputs < 1: " + stressInputs);
    }
    if (floor.compareTo(ceiling) > 0) {
      throw new IllegalArgumentException(
          "improview.problems.validation.floor " + floor + " > ceiling " + ceiling);
    }
  }

  int multiplier(Language language) {
    return switch (language) {
      case JAVASCRIPT -> multiplierJavascript;
      case PYTHON -> multiplierPython;
      case JAVA -> multiplierJava;
    };
  }
}
