package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerlifecycle.rules.HealthScore.Inputs;
import org.partnerlifecycle.rules.HealthScore.PortalActivity;
import org.partnerlifecycle.rules.HealthScore.StrategicFit;

class HealthScoreTest {

  /** Playbook health score: points per factor and the five bands at their edges. */
  @ParameterizedTest(name = "growth {0}%, {1} deals, {2}, NPS {3}, {4} -> {5} {6}")
  @CsvSource({
      "25,  5, WEEKLY,    60, STRONG,   100, CHAMPION",
      "20,  3, WEEKLY,    50, MODERATE, 90,  CHAMPION",
      "20,  3, MONTHLY,   50, WEAK,     80,  CHAMPION",
      "20,  3, MONTHLY,   25, WEAK,     75,  HEALTHY",
      "10,  3, QUARTERLY, 25, WEAK,     60,  HEALTHY",
      "10,  5, MONTHLY,   25, WEAK,     70,  HEALTHY",
      "0,   3, MONTHLY,   10, WEAK,     50,  AT_RISK",
      "0,   1, QUARTERLY, 30, MODERATE, 45,  AT_RISK",
      "-5,  2, QUARTERLY, 0,  MODERATE, 30,  CRITICAL",
      "-5,  0, INACTIVE,  30, MODERATE, 15,  CHURNING",
      "-5,  0, INACTIVE,  -10, WEAK,    0,   CHURNING",
      "5,   0, INACTIVE,  0,  WEAK,     25,  CRITICAL",
      "0,   1, MONTHLY,   -1, WEAK,     35,  CRITICAL"})
  void scoreAndBand(BigDecimal growth, int deals, PortalActivity activity, int nps, StrategicFit fit, int score,
      String band) {
    RuleResult<HealthScore.Health> result = HealthScore.score(Terms.V2026,
        new Inputs(growth, deals, activity, nps, fit));
    assertThat(result.value().score()).isEqualTo(score);
    assertThat(result.value().band()).isEqualTo(band);
    assertThat(result.explanation().cell()).isEqualTo("health.bands." + band);
  }
}
