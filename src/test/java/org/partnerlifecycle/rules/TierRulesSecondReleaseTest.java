package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.rules.TierRules.Commitments;
import org.partnerlifecycle.rules.TierRules.Placement;

/** Issue 22: tier qualification as the seeds say, at the seeds' figures (terms 2026-12-01). */
class TierRulesSecondReleaseTest {

  private final ProgramTerms terms = Terms.V2026_12;
  /** Every GROWTH standard of guide §9 (seed 000 line 222), relief included. */
  private static final Commitments GROWTH_MET = new Commitments(12, 24, 0, 2, 2, 75, true, true, false);

  /** Guide §5 thresholds are annual (seed 000 line 124: Referral $100,000 / $300,000): $360,000 over 36 months is $120,000 a year; 12 months or less counts whole. */
  @Test
  void annualValueOfAMultiYearDeal() {
    assertThat(TierRules.annualValue(new BigDecimal("360000"), 36)).isEqualByComparingTo("120000");
    assertThat(TierRules.annualValue(new BigDecimal("360000"), 12)).isEqualByComparingTo("360000");
    assertThat(TierRules.annualValue(new BigDecimal("300000"), 36)).isEqualByComparingTo("100000");
    assertThat(TierRules.annualValue(new BigDecimal("100000"), 6)).isEqualByComparingTo("100000");
    assertThat(TierRules.annualValue(new BigDecimal("100000"), 24)).isEqualByComparingTo("50000");
  }

  /** Seed 001 line 77: "full credit to partner-sourced, 25% credit to partner-influenced". */
  @Test
  void influencedRevenueEarnsTwentyFivePercentCreditForQualification() {
    RuleResult<BigDecimal> credited = TierRules.creditedRevenue(terms,
        Map.of(Attribution.INFLUENCED, new BigDecimal("300000")));
    assertThat(credited.value()).isEqualByComparingTo("75000");
    assertThat(credited.explanation().text()).contains("INFLUENCED $300,000.00 at 25 % credit = $75,000.00")
        .contains("total $75,000.00");
    assertThat(credited.explanation().cell()).isEqualTo("qualificationCreditPercent");
    // $75,000 is below REFERRAL GROWTH's $100,000 (seed 000 line 124): $300,000 influenced alone does not keep GROWTH.
    assertThat(TierRules.revenueTier(terms, Motion.REFERRAL, credited.value()).value()).isEqualTo(Tier.FOUNDATION);
    assertThat(TierRules.creditedRevenue(terms, Map.of(Attribution.SOURCED, new BigDecimal("100000"))).value())
        .isEqualByComparingTo("100000");
  }

  /** Seed 001 line 1949 ("Influenced rate: 12.5% (50% of sourced)") stays the commission; qualification is apart. */
  @Test
  void theCommissionRateAndTheQualificationCreditAreTwoNumbersInTheTerms() {
    assertThat(terms.attributionPercent().get(Attribution.INFLUENCED)).isEqualByComparingTo("50");
    assertThat(terms.qualificationCreditPercent().get(Attribution.INFLUENCED)).isEqualByComparingTo("25");
    assertThat(terms.qualificationCreditPercent().get(Attribution.SOURCED)).isEqualByComparingTo("100");
    // Old results keep their version: terms 2026-01-01 credited what the commission paid.
    assertThat(Terms.V2026.qualificationCreditPercent().get(Attribution.INFLUENCED)).isEqualByComparingTo("50");
  }

  /** Seed 000 line 222 (GROWTH) and 221 (STRATEGIC): the full lists, relief and presence included. */
  @Test
  void theGuidesFullParticipationListsApply() {
    assertThat(TierRules.participationTier(terms, GROWTH_MET).value()).isEqualTo(Tier.GROWTH);
    RuleResult<Tier> noRelief = TierRules.participationTier(terms,
        new Commitments(12, 24, 0, 2, 2, 75, true, false, false));
    assertThat(noRelief.value()).isEqualTo(Tier.FOUNDATION);
    assertThat(noRelief.explanation().text()).contains("no commission and quota relief for field teams");
    RuleResult<Tier> noPresence = TierRules.participationTier(terms,
        new Commitments(12, 52, 1, 4, 4, 90, true, true, false));
    assertThat(noPresence.value()).isEqualTo(Tier.GROWTH);
    assertThat(noPresence.explanation().text())
        .contains("no presence at the partner's sales kickoff, user conference and trade shows");
    assertThat(TierRules.participationTier(terms, new Commitments(12, 52, 1, 4, 4, 90, true, true, true)).value())
        .isEqualTo(Tier.STRATEGIC);
    assertThat(terms.participationStandards().get(Tier.STRATEGIC).label())
        .contains("Commission and quota relief for field teams")
        .contains("OpenSesame presence at your sales kickoff, user conference and trade shows");
  }

  /**
   * Yearly figures, pro rata rounded down for a partner active less than a year: "1x yearly CEO-level meeting"
   * (seed 000 line 221) is not owed after 11 months (1 × 11/12 = 0); "2x yearly C-Suite" after 7 months is 1.
   * A year's count is never rounded up (issue 22: 1 CEO meeting a year became 2 or 4).
   */
  @Test
  void proRataRoundedDownForAPartnerActiveLessThanAYear() {
    assertThat(TierRules.participationTier(terms, new Commitments(11, 47, 0, 3, 3, 90, true, true, true)).value())
        .isEqualTo(Tier.STRATEGIC);
    assertThat(TierRules.participationTier(terms, new Commitments(7, 14, 0, 1, 1, 75, true, true, false)).value())
        .isEqualTo(Tier.GROWTH);
    assertThat(TierRules.participationTier(terms, new Commitments(7, 13, 0, 1, 1, 75, true, true, false)).value())
        .isEqualTo(Tier.FOUNDATION);
    assertThat(TierRules.participationTier(terms, new Commitments(12, 52, 1, 4, 4, 90, true, true, true)).value())
        .isEqualTo(Tier.STRATEGIC);
  }

  /** Issue 22 / SPEC §2: an OEM with $900,000 passes REFERRAL STRATEGIC's $300,000 (seed 000 line 124) as REFERRAL. */
  @Test
  void aResellerOrOemBelowGrowthIsPlacedByTheReferralThresholds() {
    assertThat(TierRules.placement(terms, Motion.OEM, new BigDecimal("900000")).value())
        .isEqualTo(new Placement(Tier.STRATEGIC, Motion.REFERRAL));
    assertThat(TierRules.placement(terms, Motion.FULL_RESELLER, new BigDecimal("150000")).value())
        .isEqualTo(new Placement(Tier.GROWTH, Motion.REFERRAL));
    assertThat(TierRules.placement(terms, Motion.FULL_RESELLER, new BigDecimal("50000")).value())
        .isEqualTo(new Placement(Tier.FOUNDATION, Motion.REFERRAL));
    // Regains its motion once it reaches that motion's GROWTH threshold (FULL_RESELLER $200,000).
    assertThat(TierRules.placement(terms, Motion.FULL_RESELLER, new BigDecimal("200000")).value())
        .isEqualTo(new Placement(Tier.GROWTH, Motion.FULL_RESELLER));
    RuleResult<Placement> qualified = TierRules.qualifiedPlacement(terms, Motion.OEM, new BigDecimal("900000"),
        GROWTH_MET);
    assertThat(qualified.value()).isEqualTo(new Placement(Tier.GROWTH, Motion.REFERRAL));
    assertThat(qualified.explanation().text()).contains("placed by the REFERRAL thresholds");
    // At FOUNDATION only REFERRAL is allowed, whatever the revenue placement.
    assertThat(TierRules.qualifiedPlacement(terms, Motion.OEM, new BigDecimal("1200000"),
        new Commitments(12, 0, 0, 0, 0, 0, false, false, false)).value())
        .isEqualTo(new Placement(Tier.FOUNDATION, Motion.REFERRAL));
  }

  /** Guide §8 (seed 000 line 193): OEM "Enterprise Content Platform + Direct Integration". */
  @Test
  void oemIntegrationTypesKeepDirectIntegration() {
    assertThat(EligibilityRules.integrationTypes(terms, Tier.GROWTH, Motion.OEM).value())
        .containsExactly(IntegrationType.GRAPHQL, IntegrationType.ENTERPRISE_CONTENT_PLATFORM,
            IntegrationType.DIRECT_INTEGRATION);
    assertThat(EligibilityRules.integrationTypes(terms, Tier.STRATEGIC, Motion.OEM).value())
        .contains(IntegrationType.DIRECT_INTEGRATION);
  }
}
