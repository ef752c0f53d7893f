package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerlifecycle.rules.HealthScore.Health;
import org.partnerlifecycle.rules.HealthScore.Indicators;
import org.partnerlifecycle.rules.HealthScore.PortalActivity;
import org.partnerlifecycle.rules.HealthScore.StrategicFit;

class HealthScoreTest {

  /**
   * Playbook "Partner Health Scoring": weights revenue 30, activity 25, engagement 20, satisfaction 15, fit 10;
   * bands 80-100 Champion, 60-79 Healthy, 40-59 At-risk, 20-39 Critical, 0-19 Churning — each band at both edges.
   */
  @ParameterizedTest(name = "sub-scores {0}/{1}/{2}/{3}/{4} -> {5} {6}")
  @CsvSource({
      "100, 100, 100, 100, 100, 100, CHAMPION",
      "80,  80,  80,  80,  80,  80,  CHAMPION",
      "79,  79,  79,  79,  79,  79,  HEALTHY",
      "60,  60,  60,  60,  60,  60,  HEALTHY",
      "59,  59,  59,  59,  59,  59,  AT_RISK",
      "40,  40,  40,  40,  40,  40,  AT_RISK",
      "39,  39,  39,  39,  39,  39,  CRITICAL",
      "20,  20,  20,  20,  20,  20,  CRITICAL",
      "19,  19,  19,  19,  19,  19,  CHURNING",
      "0,   0,   0,   0,   0,   0,   CHURNING",
      "100, 0,   0,   0,   0,   30,  CRITICAL",
      "0,   100, 0,   0,   0,   25,  CRITICAL",
      "0,   0,   100, 0,   0,   20,  CRITICAL",
      "0,   0,   0,   100, 0,   15,  CHURNING",
      "0,   0,   0,   0,   100, 10,  CHURNING",
      "100, 100, 100, 0,   0,   75,  HEALTHY",
      "55,  0,   0,   0,   0,   17,  CHURNING"})
  void weightedSubScoresAndBands(int revenue, int activity, int engagement, int satisfaction, int fit, int score,
      String band) {
    RuleResult<Health> result = HealthScore.score(Terms.V2026,
        new HealthInputs(revenue, activity, engagement, satisfaction, fit));
    assertThat(result.value().score()).isEqualTo(score);
    assertThat(result.value().band()).isEqualTo(band);
    Explanation why = result.explanation();
    assertThat(why.rule()).isEqualTo("health.score");
    assertThat(why.cell()).isEqualTo("health.bands." + band);
    assertThat(why.inputs()).containsOnlyKeys("revenue", "activity", "engagement", "satisfaction", "fit");
  }

  @Test
  void halfAPointRoundsUp() {
    // 55 × 30 % = 16.5 points: a score of 17, and the points keep the half.
    Health health = HealthScore.score(Terms.V2026, new HealthInputs(55, 0, 0, 0, 0)).value();
    assertThat(health.points().get(HealthFactor.REVENUE)).isEqualByComparingTo("16.5");
    assertThat(health.score()).isEqualTo(17);
  }

  @Test
  void subScoresOutsideZeroToHundredAreRefusedByName() {
    assertThatThrownBy(() -> new HealthInputs(101, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revenue");
    assertThatThrownBy(() -> new HealthInputs(0, 0, 0, 0, -1)).hasMessageContaining("fit");
    assertThatThrownBy(() -> HealthScore.score(Terms.V2026, null)).hasMessageContaining("inputs");
  }

  /** Playbook "Health Score Calculation": points per indicator, summed. */
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
  void playbookIndicators(BigDecimal growth, int deals, PortalActivity activity, int nps, StrategicFit fit, int score,
      String band) {
    RuleResult<Health> result = HealthScore.scoreFromIndicators(Terms.V2026,
        new Indicators(growth, deals, activity, nps, fit));
    assertThat(result.value().score()).isEqualTo(score);
    assertThat(result.value().band()).isEqualTo(band);
    assertThat(result.explanation().cell()).isEqualTo("health.bands." + band);
  }

  @Test
  void anUnknownNpsScoresAsNegative() {
    Health health = HealthScore.scoreFromIndicators(Terms.V2026,
        new Indicators(BigDecimal.ZERO, 0, PortalActivity.INACTIVE, null, StrategicFit.WEAK)).value();
    assertThat(health.points().get(HealthFactor.SATISFACTION)).isEqualByComparingTo("0");
    assertThat(health.points().get(HealthFactor.REVENUE)).isEqualByComparingTo("10");
  }
}
