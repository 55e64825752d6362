package dev.improview.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.improview.execution.Language;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Kattis-style rule: slowest reference test × multiple, rounded up, within floor and ceiling.
 */
class TimeLimitRuleTest {

  static ValidationProperties properties(int multiplier, Duration roundTo) {
    return properties(multiplier, roundTo, 1.5);
  }

  static ValidationProperties properties(int multiplier, Duration roundTo, double margin) {
    return new ValidationProperties(
        Duration.ofSeconds(10),
        Duration.ofSeconds(120),
        multiplier,
        multiplier,
        multiplier + 1,
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        false,
        Duration.ofSeconds(90),
        200,
        3,
        roundTo,
        margin,
        150,
        10,
        2,
        10,
        Duration.ofSeconds(2));
  }

  @Test
  void theSlowestTestTimesTheMultipleIsRoundedUpToAWholeStep() {
    var rule = properties(3, Duration.ofSeconds(1));
    assertThat(rule.limitMillis(Language.PYTHON, 400)).isEqualTo(2000);
    assertThat(rule.limitMillis(Language.PYTHON, 334)).isEqualTo(2000);
    assertThat(rule.limitMillis(Language.PYTHON, 333.3)).isEqualTo(1000);
    assertThat(rule.limitMillis(Language.JAVA, 400)).isEqualTo(2000);
    assertThat(rule.limitMillis(Language.JAVA, 501)).isEqualTo(3000);
    assertThat(properties(2, Duration.ofMillis(100)).limitMillis(Language.JAVASCRIPT, 551))
        .isEqualTo(1200);
  }

  @Test
  void theLimitStaysWithinTheFloorAndTheCeiling() {
    var rule = properties(3, Duration.ofSeconds(1));
    assertThat(rule.limitMillis(Language.JAVASCRIPT, 0)).isEqualTo(1000);
    assertThat(rule.limitMillis(Language.JAVASCRIPT, 0.2)).isEqualTo(1000);
    assertThat(rule.limitMillis(Language.JAVASCRIPT, 9000)).isEqualTo(10000);
  }

  @Test
  void aMultipleBelowTwoOrAMarginBelowOneIsRefused() {
    assertThatThrownBy(() -> properties(1, Duration.ofSeconds(1)))
        .hasMessageContaining("multiplier-* must be >= 2");
    assertThatThrownBy(() -> properties(3, Duration.ofSeconds(1), 0.9))
        .hasMessageContaining("too-slow-margin");
  }
}
