package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.rules.TierMaintenance.MaintenanceDecision;
import org.partnerlifecycle.rules.TierMaintenance.Recommendation;

class TierMaintenanceTest {

  private final ProgramTerms terms = Terms.V2026;

  private MaintenanceDecision review(Tier current, Tier qualified, int failingBefore) {
    RuleResult<MaintenanceDecision> result = TierMaintenance.evaluate(terms, current, qualified, failingBefore);
    assertThat(result.explanation().cell()).isEqualTo("tierMaintenance.graceReviews." + current);
    assertThat(result.explanation().termsVersion()).isEqualTo("2026-01-01");
    return result.value();
  }

  @Test
  void growthIsOnWatchOnceThenDowngradedOneTier() {
    MaintenanceDecision first = review(Tier.GROWTH, Tier.FOUNDATION, 0);
    assertThat(first).isEqualTo(new MaintenanceDecision(Recommendation.ON_WATCH, Tier.GROWTH, 1));
    MaintenanceDecision second = review(Tier.GROWTH, Tier.FOUNDATION, first.consecutiveFailingReviews());
    assertThat(second).isEqualTo(new MaintenanceDecision(Recommendation.DOWNGRADE, Tier.FOUNDATION, 0));
  }

  @Test
  void strategicHasTwoWatchesThenDropsOnlyOneTier() {
    MaintenanceDecision first = review(Tier.STRATEGIC, Tier.FOUNDATION, 0);
    MaintenanceDecision second = review(Tier.STRATEGIC, Tier.FOUNDATION, first.consecutiveFailingReviews());
    MaintenanceDecision third = review(Tier.STRATEGIC, Tier.FOUNDATION, second.consecutiveFailingReviews());
    assertThat(first.recommendation()).isEqualTo(Recommendation.ON_WATCH);
    assertThat(second).isEqualTo(new MaintenanceDecision(Recommendation.ON_WATCH, Tier.STRATEGIC, 2));
    assertThat(third).isEqualTo(new MaintenanceDecision(Recommendation.DOWNGRADE, Tier.GROWTH, 0));
  }

  @Test
  void aPassingReviewResetsTheGrace() {
    MaintenanceDecision watch = review(Tier.STRATEGIC, Tier.GROWTH, 1);
    assertThat(watch.consecutiveFailingReviews()).isEqualTo(2);
    MaintenanceDecision pass = review(Tier.STRATEGIC, Tier.STRATEGIC, watch.consecutiveFailingReviews());
    assertThat(pass).isEqualTo(new MaintenanceDecision(Recommendation.KEEP, Tier.STRATEGIC, 0));
    assertThat(review(Tier.STRATEGIC, Tier.GROWTH, pass.consecutiveFailingReviews()).recommendation())
        .isEqualTo(Recommendation.ON_WATCH);
  }

  @Test
  void promotionTakesEffectAtOnceEvenTwoTiersUp() {
    assertThat(review(Tier.FOUNDATION, Tier.STRATEGIC, 0))
        .isEqualTo(new MaintenanceDecision(Recommendation.PROMOTE, Tier.STRATEGIC, 0));
    assertThat(review(Tier.GROWTH, Tier.STRATEGIC, 1))
        .isEqualTo(new MaintenanceDecision(Recommendation.PROMOTE, Tier.STRATEGIC, 0));
  }

  @Test
  void foundationCannotFallFurther() {
    assertThat(review(Tier.FOUNDATION, Tier.FOUNDATION, 0).recommendation()).isEqualTo(Recommendation.KEEP);
  }

  @Test
  void reviewCadenceIsSixMonthsForStrategicAndTwelveForOthers() {
    LocalDate from = LocalDate.parse("2026-01-31");
    assertThat(TierMaintenance.nextReviewDue(terms, Tier.STRATEGIC, from).value()).isEqualTo("2026-07-31");
    assertThat(TierMaintenance.nextReviewDue(terms, Tier.GROWTH, from).value()).isEqualTo("2027-01-31");
    assertThat(TierMaintenance.nextReviewDue(terms, Tier.FOUNDATION, from).value()).isEqualTo("2027-01-31");
  }

  @Test
  void growthResetByAPassingReviewStartsItsGraceAgain() {
    MaintenanceDecision watch = review(Tier.GROWTH, Tier.FOUNDATION, 0);
    MaintenanceDecision pass = review(Tier.GROWTH, Tier.GROWTH, watch.consecutiveFailingReviews());
    assertThat(pass).isEqualTo(new MaintenanceDecision(Recommendation.KEEP, Tier.GROWTH, 0));
    assertThat(review(Tier.GROWTH, Tier.FOUNDATION, pass.consecutiveFailingReviews()).recommendation())
        .isEqualTo(Recommendation.ON_WATCH);
  }

  @Test
  void theExplanationNamesTheGraceAndTheCount() {
    RuleResult<MaintenanceDecision> result = TierMaintenance.evaluate(terms, Tier.STRATEGIC, Tier.GROWTH, 2);
    assertThat(result.value().recommendation()).isEqualTo(Recommendation.DOWNGRADE);
    assertThat(result.explanation().inputs()).containsEntry("currentTier", "STRATEGIC")
        .containsEntry("qualifiedTier", "GROWTH").containsEntry("consecutiveFailingReviewsBefore", "2");
    assertThat(result.explanation().text()).contains("3 consecutive reviews").contains("grace of 2")
        .contains("down one tier to GROWTH");
  }

  @Test
  void badInputsAreRefusedByName() {
    assertThatThrownBy(() -> TierMaintenance.evaluate(terms, Tier.GROWTH, Tier.GROWTH, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failingReviewsBefore");
    assertThatThrownBy(() -> TierMaintenance.evaluate(terms, null, Tier.GROWTH, 0)).hasMessageContaining("currentTier");
    assertThatThrownBy(() -> TierMaintenance.nextReviewDue(terms, Tier.GROWTH, null)).hasMessageContaining("from");
  }
}
