package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerlifecycle.rules.IncentiveRules.Rate;
import org.partnerlifecycle.rules.TierRules.Commitments;

/** Every public rule explains itself the same way, so auditors can reconstruct any decision. */
class ExplanationTest {

  private static final ProgramTerms TERMS = Terms.V2026;
  private static final Commitments COMMITMENTS = new Commitments(12, 24, 0, 2, 2, 75, true, true, false);

  private static Rate growthReferral() {
    return IncentiveRules.rateFor(TERMS, Tier.GROWTH, Motion.REFERRAL, DealType.NEW, LicenseType.SUBSCRIPTION,
        Attribution.SOURCED).value();
  }

  static Stream<Arguments> everyRule() {
    Map<String, Supplier<RuleResult<?>>> rules = Map.ofEntries(
        Map.entry("tier.revenue", () -> TierRules.revenueTier(TERMS, Motion.OEM, new BigDecimal("1000000"))),
        Map.entry("tier.onboardingProposal", () -> TierRules.proposeAtOnboarding(TERMS, Motion.OEM, BigDecimal.TEN)),
        Map.entry("tier.participation", () -> TierRules.participationTier(TERMS, COMMITMENTS)),
        Map.entry("tier.qualification", () -> TierRules.qualifiedTier(TERMS, Motion.REFERRAL, BigDecimal.ONE,
            COMMITMENTS)),
        Map.entry("tier.maintenance", () -> TierMaintenance.evaluate(TERMS, Tier.GROWTH, Tier.FOUNDATION, false,
            LocalDate.parse("2026-02-01"))),
        Map.entry("tier.placement", () -> TierRules.placement(TERMS, Motion.OEM, new BigDecimal("900000"))),
        Map.entry("tier.creditedRevenue", () -> TierRules.creditedRevenue(TERMS, Map.of(Attribution.INFLUENCED,
            new BigDecimal("300000")))),
        Map.entry("tier.reviewCadence", () -> TierMaintenance.nextReviewDue(TERMS, Tier.GROWTH,
            LocalDate.parse("2026-02-01"))),
        Map.entry("eligibility.motion", () -> EligibilityRules.motionAllowed(TERMS, Tier.FOUNDATION, Motion.OEM)),
        Map.entry("eligibility.product", () -> EligibilityRules.productAllowed(TERMS, Tier.GROWTH, Motion.OEM,
            Product.SIMON)),
        Map.entry("eligibility.launchMethods", () -> EligibilityRules.launchMethods(TERMS, Tier.GROWTH)),
        Map.entry("eligibility.integrationTypes", () -> EligibilityRules.integrationTypes(TERMS, Tier.GROWTH,
            Motion.OEM)),
        Map.entry("eligibility.integrationSupport", () -> EligibilityRules.integrationSupport(TERMS, Tier.GROWTH)),
        Map.entry("eligibility.benefits", () -> EligibilityRules.benefits(TERMS, Tier.GROWTH)),
        Map.entry("eligibility.motionAtTier", () -> EligibilityRules.motionAfterTierChange(TERMS, Tier.FOUNDATION,
            Motion.FULL_RESELLER)),
        Map.entry("incentive.rate", () -> IncentiveRules.rateFor(TERMS, Tier.GROWTH, Motion.REFERRAL, DealType.NEW,
            LicenseType.SUBSCRIPTION, Attribution.SOURCED)),
        Map.entry("incentive.negotiatedRate", () -> IncentiveRules.withApprovedRate(TERMS, growthReferral(),
            new BigDecimal("12"), "lena")),
        Map.entry("payout.wonDeal", () -> PayoutRules.payout(TERMS, growthReferral(), new BigDecimal("100"))),
        Map.entry("payout.addOnProration", () -> PayoutRules.addOnProration(TERMS, 2, BigDecimal.TEN, 6, 12)),
        Map.entry("payout.clawback", () -> PayoutRules.clawback(TERMS, BigDecimal.TEN, LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-03-01"))),
        Map.entry("health.score", () -> HealthScore.score(TERMS, new HealthInputs(50, 50, 50, 50, 50))),
        Map.entry("engagement.meetingCredit", () -> Engagement.credit(TERMS, Engagement.MeetingKind.QBR,
            java.util.List.of(Engagement.AttendeeLevel.C_LEVEL))),
        Map.entry("engagement.businessReview", () -> Engagement.nextBusinessReview(TERMS, Tier.STRATEGIC,
            LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-15"), LocalDate.parse("2026-02-01"))));
    return rules.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRule")
  void everyRuleExplainsItselfCompletely(String rule, Supplier<RuleResult<?>> call) {
    RuleResult<?> result = call.get();
    Explanation why = result.explanation();
    assertThat(result.value()).isNotNull();
    assertThat(why.rule()).isEqualTo(rule);
    assertThat(why.termsVersion()).isEqualTo("2026-01-01");
    assertThat(why.inputs()).isNotEmpty().doesNotContainValue(null);
    assertThat(why.cell()).isNotBlank();
    assertThat(why.outcome()).isNotBlank();
    assertThat(why.text()).isNotBlank().endsWith("(terms 2026-01-01)");
    assertThat(why.toMap()).containsOnlyKeys("rule", "termsVersion", "inputs", "cell", "outcome", "text")
        .containsEntry("rule", rule).containsEntry("termsVersion", "2026-01-01");
  }

  @Test
  void inputsKeepTheirOrderAndCannotBeChanged() {
    Explanation why = IncentiveRules.rateFor(TERMS, Tier.GROWTH, Motion.REFERRAL, DealType.NEW,
        LicenseType.SUBSCRIPTION, Attribution.SOURCED).explanation();
    assertThat(why.inputs().keySet()).containsExactly("tier", "motion", "dealType", "licenseType", "attribution");
    assertThatThrownBy(() -> why.inputs().put("tier", "STRATEGIC")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void moneyInputsAreRecordedAsPlainNumbers() {
    Explanation why = TierRules.revenueTier(TERMS, Motion.OEM, new BigDecimal("1E+6")).explanation();
    assertThat(why.inputs()).containsEntry("annualRevenue", "1000000");
  }
}
