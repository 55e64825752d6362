package dev.improview.problem;

import dev.improview.execution.Language;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How problems are validated and how their time limits are derived (Kattis-style): the slowest
 * reference test over {@code referenceRepetitions} runs of every test, times a per-language
 * multiple (at least 2), rounded up to a whole {@code roundTo}, no lower than {@code floor} and no
 * higher than {@code ceiling}. A {@code too-slow} wrong solution must still exceed {@code
 * tooSlowMargin} times that limit. Validation runs let a test take {@code wallPerTestFactor} times
 * its CPU limit in wall time before the watchdog stops it, so that a busy machine (whose wall time
 * is a multiple of CPU time) does not decide what CPU time should. One document's validation, all
 * languages together, may take at most {@code deadline}; its runs use the sandbox's background
 * lane, so they never take a slot a candidate's run could have. A problem with a brute force and an
 * input generator is stress-checked on {@code stressInputs} generated small inputs, and at most
 * {@code maxMutants} mutants of its Python reference are run. Amplification adds at most {@code
 * maxAddedTests} hidden tests over at most {@code amplificationRounds} rounds of validation. When a
 * draft's stated inputs get their values from execution, the brute force has {@code
 * bruteForceCpuPerTest} of CPU per input: an input it cannot answer in that is left to the
 * references.
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
    @DefaultValue("200") int stressInputs,
    @DefaultValue("3") int referenceRepetitions,
    @DefaultValue("1s") Duration roundTo,
    @DefaultValue("1.5") double tooSlowMargin,
    @DefaultValue("150") int maxMutants,
    @DefaultValue("10") int wallPerTestFactor,
    @DefaultValue("2") int amplificationRounds,
    @DefaultValue("10") int maxAddedTests,
    @DefaultValue("2s") Duration bruteForceCpuPerTest) {

  public ValidationProperties {
    if (multiplierJavascript < 2 || multiplierPython < 2 || multiplierJava < 2) {
      throw new IllegalArgumentException(
          "improview.problems.validation.multiplier-* must be >= 2: a limit is at least twice"
              + " the slowest reference run");
    }
    if (referenceRepetitions < 1) {
      throw new IllegalArgumentException(
          "improview.problems.validation.reference-repetitions < 1: " + referenceRepetitions);
    }
    if (roundTo == null || roundTo.isNegative() || roundTo.isZero()) {
      throw new IllegalArgumentException("improview.problems.validation.round-to <= 0: " + roundTo);
    }
    if (!(tooSlowMargin >= 1)) {
      throw new IllegalArgumentException(
          "improview.problems.validation.too-slow-margin < 1: " + tooSlowMargin);
    }
    if (amplificationRounds < 0 || maxAddedTests < 0) {
      throw new IllegalArgumentException(
          "improview.problems.validation.amplification-rounds and max-added-tests must be >= 0");
    }
    if (wallPerTestFactor < 2) {
      throw new IllegalArgumentException(
          "improview.problems.validation.wall-per-test-factor < 2: " + wallPerTestFactor);
    }
    if (maxMutants < 0) {
      throw new IllegalArgumentException(
          "improview.problems.validation.max-mutants < 0: " + maxMutants);
    }
    if (bruteForceCpuPerTest == null
        || bruteForceCpuPerTest.isNegative()
        || bruteForceCpuPerTest.isZero()) {
      throw new IllegalArgumentException(
          "improview.problems.validation.brute-force-cpu-per-test <= 0: " + bruteForceCpuPerTest);
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

  /**
   * A language's CPU limit per test from its reference's slowest test: times the language's
   * multiple, rounded up to a whole {@code roundTo}, within {@code floor} and {@code ceiling}.
   */
  long limitMillis(Language language, double slowestCpuMillis) {
    double raw = Math.max(0, slowestCpuMillis) * multiplier(language);
    long step = roundTo.toMillis();
    long rounded = (long) Math.ceil(raw / step) * step;
    return Math.min(ceiling.toMillis(), Math.max(floor.toMillis(), rounded));
  }

  int multiplier(Language language) {
    return switch (language) {
      case JAVASCRIPT -> multiplierJavascript;
      case PYTHON -> multiplierPython;
      case JAVA -> multiplierJava;
    };
  }
}
