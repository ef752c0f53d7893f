package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.rules.TierMaintenance.MaintenanceDecision;
import org.partnerlifecycle.rules.TierMaintenance.Recommendation;

/**
 * Playbook "Tier Maintenance Requirements" (seed 001 lines 1446-1451: "Silver Annual 1 quarter Drop to Registered",
 * "Gold Annual 2 quarters Drop to Silver"): on watch, re-reviewed at the end of grace in quarters, then down one tier.
 */
class TierMaintenanceTest {

  private static final LocalDate TODAY = LocalDate.parse("2027-01-04");
  private final ProgramTerms terms = Terms.V2026_12;

  private MaintenanceDecision review(Tier current, Tier qualified, boolean onWatch) {
    RuleResult<MaintenanceDecision> result = TierMaintenance.evaluate(terms, current, qualified, onWatch, TODAY);
    assertThat(result.explanation().cell()).isEqualTo("tierMaintenance.graceQuarters." + current);
    assertThat(result.explanation().termsVersion()).isEqualTo("2026-12-01");
    return result.value();
  }

  /** Seed 001 line 1449: grace 1 quarter — GROWTH on watch, re-reviewed 3 months later, then FOUNDATION. */
  @Test
  void growthIsOnWatchForOneQuarterThenDropsToFoundation() {
    MaintenanceDecision first = review(Tier.GROWTH, Tier.FOUNDATION, false);
    assertThat(first).isEqualTo(new MaintenanceDecision(Recommendation.ON_WATCH, Tier.GROWTH, 1,
        LocalDate.parse("2027-04-04")));
    MaintenanceDecision second = review(Tier.GROWTH, Tier.FOUNDATION, true);
    assertThat(second).isEqualTo(new MaintenanceDecision(Recommendation.DOWNGRADE, Tier.FOUNDATION, 0, null));
  }

  /** Seed 001 line 1450: grace 2 quarters — STRATEGIC re-reviewed 6 months later, then drops only one tier. */
  @Test
  void strategicIsOnWatchForTwoQuartersThenDropsOnlyOneTier() {
    MaintenanceDecision first = review(Tier.STRATEGIC, Tier.FOUNDATION, false);
    assertThat(first.recommendation()).isEqualTo(Recommendation.ON_WATCH);
    assertThat(first.reReviewDue()).isEqualTo("2027-07-04");
    assertThat(review(Tier.STRATEGIC, Tier.FOUNDATION, true))
        .isEqualTo(new MaintenanceDecision(Recommendation.DOWNGRADE, Tier.GROWTH, 0, null));
  }

  @Test
  void qualifyingAgainAtTheReReviewEndsTheWatch() {
    MaintenanceDecision pass = review(Tier.STRATEGIC, Tier.STRATEGIC, true);
    assertThat(pass).isEqualTo(new MaintenanceDecision(Recommendation.KEEP, Tier.STRATEGIC, 0, null));
    assertThat(review(Tier.GROWTH, Tier.FOUNDATION, false).recommendation()).isEqualTo(Recommendation.ON_WATCH);
  }

  @Test
  void promotionIsRecommendedEvenTwoTiersUp() {
    assertThat(review(Tier.FOUNDATION, Tier.STRATEGIC, false))
        .isEqualTo(new MaintenanceDecision(Recommendation.PROMOTE, Tier.STRATEGIC, 0, null));
    assertThat(review(Tier.GROWTH, Tier.STRATEGIC, true))
        .isEqualTo(new MaintenanceDecision(Recommendation.PROMOTE, Tier.STRATEGIC, 0, null));
  }

  @Test
  void foundationCannotFallFurther() {
    assertThat(review(Tier.FOUNDATION, Tier.FOUNDATION, false).recommendation()).isEqualTo(Recommendation.KEEP);
  }

  @Test
  void reviewCadenceIsSixMonthsForStrategicAndTwelveForOthers() {
    LocalDate from = LocalDate.parse("2026-01-31");
    assertThat(TierMaintenance.nextReviewDue(terms, Tier.STRATEGIC, from).value()).isEqualTo("2026-07-31");
    assertThat(TierMaintenance.nextReviewDue(terms, Tier.GROWTH, from).value()).isEqualTo("2027-01-31");
    assertThat(TierMaintenance.nextReviewDue(terms, Tier.FOUNDATION, from).value()).isEqualTo("2027-01-31");
  }

  @Test
  void theGraceIsInQuartersInTheTerms() {
    assertThat(terms.graceQuarters()).containsEntry(Tier.GROWTH, 1).containsEntry(Tier.STRATEGIC, 2);
    assertThat(TierMaintenance.reReviewDue(terms, Tier.GROWTH, TODAY)).isEqualTo("2027-04-04");
    assertThat(TierMaintenance.reReviewDue(terms, Tier.STRATEGIC, TODAY)).isEqualTo("2027-07-04");
  }

  @Test
  void theExplanationNamesTheGraceAndTheReReview() {
    RuleResult<MaintenanceDecision> watch = TierMaintenance.evaluate(terms, Tier.GROWTH, Tier.FOUNDATION, false, TODAY);
    assertThat(watch.explanation().text()).contains("on watch").contains("grace of 1 quarter")
        .contains("reviewed again on 2027-04-04");
    RuleResult<MaintenanceDecision> drop = TierMaintenance.evaluate(terms, Tier.STRATEGIC, Tier.GROWTH, true, TODAY);
    assertThat(drop.value().recommendation()).isEqualTo(Recommendation.DOWNGRADE);
    assertThat(drop.explanation().inputs()).containsEntry("currentTier", "STRATEGIC")
        .containsEntry("qualifiedTier", "GROWTH").containsEntry("onWatch", "true");
    assertThat(drop.explanation().text()).contains("grace of 2 quarters").contains("down one tier to GROWTH");
  }

  @Test
  void badInputsAreRefusedByName() {
    assertThatThrownBy(() -> TierMaintenance.evaluate(terms, null, Tier.GROWTH, false, TODAY))
        .hasMessageContaining("currentTier");
    assertThatThrownBy(() -> TierMaintenance.evaluate(terms, Tier.GROWTH, Tier.GROWTH, false, null))
        .hasMessageContaining("today");
    assertThatThrownBy(() -> TierMaintenance.nextReviewDue(terms, Tier.GROWTH, null)).hasMessageContaining("from");
  }
}
