package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerlifecycle.rules.TierRules.Commitments;

class TierRulesTest {

  private final ProgramTerms terms = Terms.V2026;

  /** Program guide, "2026 Tiers Requirements": each threshold, just below it, and at it. */
  @ParameterizedTest(name = "{0} ${1} -> {2}")
  @CsvSource({
      "REFERRAL,          0,          FOUNDATION",
      "REFERRAL,          99999.99,   FOUNDATION",
      "REFERRAL,          100000,     GROWTH",
      "REFERRAL,          299999.99,  GROWTH",
      "REFERRAL,          300000,     STRATEGIC",
      "ASSISTED_RESELLER, 149999.99,  FOUNDATION",
      "ASSISTED_RESELLER, 150000,     GROWTH",
      "ASSISTED_RESELLER, 449999.99,  GROWTH",
      "ASSISTED_RESELLER, 450000,     STRATEGIC",
      "FULL_RESELLER,     199999.99,  FOUNDATION",
      "FULL_RESELLER,     200000,     GROWTH",
      "FULL_RESELLER,     599999.99,  GROWTH",
      "FULL_RESELLER,     600000,     STRATEGIC",
      "OEM,               999999.99,  FOUNDATION",
      "OEM,               1000000,    GROWTH",
      "OEM,               2999999.99, GROWTH",
      "OEM,               3000000,    STRATEGIC"})
  void revenueTierFollowsTheThresholdTable(Motion motion, BigDecimal revenue, Tier expected) {
    RuleResult<Tier> result = TierRules.revenueTier(terms, motion, revenue);
    assertThat(result.value()).isEqualTo(expected);
    Explanation why = result.explanation();
    assertThat(why.rule()).isEqualTo("tier.revenue");
    assertThat(why.termsVersion()).isEqualTo("2026-01-01");
    assertThat(why.inputs()).containsEntry("motion", motion.name()).containsKey("annualRevenue");
    assertThat(why.cell()).startsWith("revenueThresholds." + motion);
    assertThat(why.text()).contains("terms 2026-01-01");
  }

  @ParameterizedTest(name = "{0} forecast ${1} -> {2} {3}")
  @CsvSource({
      "REFERRAL,          50000,   FOUNDATION, REFERRAL",
      "REFERRAL,          150000,  GROWTH,     REFERRAL",
      "ASSISTED_RESELLER, 149999,  GROWTH,     REFERRAL",
      "ASSISTED_RESELLER, 99999,   FOUNDATION, REFERRAL",
      "ASSISTED_RESELLER, 150000,  GROWTH,     ASSISTED_RESELLER",
      "FULL_RESELLER,     10000,   FOUNDATION, REFERRAL",
      "FULL_RESELLER,     700000,  STRATEGIC,  FULL_RESELLER",
      "OEM,               900000,  STRATEGIC,  REFERRAL",
      "OEM,               3000000, STRATEGIC,  OEM"})
  void onboardingProposalPlacesAResellerOrOemBelowGrowthByTheReferralThresholds(Motion motion, BigDecimal forecast,
      Tier tier, Motion proposedMotion) {
    // SPEC §2 (second release): "A reseller/OEM below GROWTH is placed by the REFERRAL thresholds as a REFERRAL
    // partner (its forecast still counts)" — issue 22: an OEM forecasting $900,000 passes REFERRAL STRATEGIC's
    // $300,000 (guide, seed 000 §5 thresholds).
    RuleResult<TierRules.Placement> result = TierRules.proposeAtOnboarding(terms, motion, forecast);
    assertThat(result.value()).isEqualTo(new TierRules.Placement(tier, proposedMotion));
    if (proposedMotion != motion) {
      assertThat(result.explanation().text()).contains("placed by the REFERRAL thresholds");
    }
  }

  /** Participation standards (guide §9) over a 12-month period: exactly met, and one short of each. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "all Strategic standards,               52, 1, 4, 4, 90, true,  STRATEGIC",
      "51 weekly meetings,                    51, 1, 4, 4, 90, true,  GROWTH",
      "no CEO meeting,                        52, 0, 4, 4, 90, true,  GROWTH",
      "3 C-suite meetings,                    52, 1, 3, 4, 90, true,  GROWTH",
      "3 enablement sessions,                 52, 1, 4, 3, 90, true,  GROWTH",
      "89 % certified,                        52, 1, 4, 4, 89, true,  GROWTH",
      "all Growth standards,                  24, 0, 2, 2, 75, true,  GROWTH",
      "23 twice-monthly meetings,             23, 0, 2, 2, 75, true,  FOUNDATION",
      "1 C-suite meeting,                     24, 0, 1, 2, 75, true,  FOUNDATION",
      "1 enablement session,                  24, 0, 2, 1, 75, true,  FOUNDATION",
      "74 % certified,                        24, 0, 2, 2, 74, true,  FOUNDATION",
      "no business plan,                      52, 1, 4, 4, 90, false, FOUNDATION"})
  void participationTierIsTheHighestTierWhoseStandardsWereAllMet(String label, int management, int ceo, int cSuite,
      int enablement, int certified, boolean plan, Tier expected) {
    Commitments done = new Commitments(12, management, ceo, cSuite, enablement, certified, plan, false, false);
    assertThat(TierRules.participationTier(terms, done).value()).isEqualTo(expected);
  }

  @Test
  void standardsArePartOfTheYearForAPartnerActiveLessThanAYearRoundedDown() {
    // Active 6 months, Strategic: 26 weekly meetings, 1 CEO meeting a year × 6/12 = 0 (rounded down), 2 C-suite,
    // 2 enablement (SPEC §2: pro rata, rounded down).
    assertThat(TierRules.participationTier(terms, new Commitments(6, 26, 0, 2, 2, 90, true, false, false)).value())
        .isEqualTo(Tier.STRATEGIC);
    assertThat(TierRules.participationTier(terms, new Commitments(6, 25, 0, 2, 2, 90, true, false, false)).value())
        .isEqualTo(Tier.GROWTH);
  }

  @Test
  void qualifiedTierIsTheLowerOfRevenueAndParticipation() {
    Commitments growthOnly = new Commitments(12, 24, 0, 2, 2, 75, true, false, false);
    RuleResult<Tier> result = TierRules.qualifiedTier(terms, Motion.REFERRAL, new BigDecimal("400000"), growthOnly);
    assertThat(result.value()).isEqualTo(Tier.GROWTH);
    assertThat(result.explanation().inputs()).containsEntry("revenueTier", "STRATEGIC")
        .containsEntry("participationTier", "GROWTH");
    assertThat(result.explanation().text()).contains("lower of revenue tier STRATEGIC");

    Commitments strategic = new Commitments(12, 52, 1, 4, 4, 90, true, false, false);
    assertThat(TierRules.qualifiedTier(terms, Motion.OEM, new BigDecimal("1500000"), strategic).value())
        .isEqualTo(Tier.GROWTH);
  }

  @Test
  void badInputsAreRefused() {
    assertThatThrownBy(() -> TierRules.revenueTier(terms, Motion.REFERRAL, new BigDecimal("-1")))
        .hasMessageContaining("annualRevenue");
    assertThatThrownBy(() -> new Commitments(12, -1, 0, 0, 0, 0, false, false, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Commitments(12, 0, 0, 0, 0, 101, false, false, false)).hasMessageContaining("certifiedFieldPercent");
  }

  /** Active 6 months, Growth: 24 a year -> 12 meetings; 2 a year -> 1 C-suite meeting and 1 enablement session. */
  @ParameterizedTest(name = "6 months, {0} meetings, {1} C-suite, {2} enablement -> {3}")
  @CsvSource({"12, 1, 1, GROWTH", "11, 1, 1, FOUNDATION", "12, 0, 1, FOUNDATION", "12, 1, 0, FOUNDATION"})
  void growthStandardsScaledToSixMonths(int meetings, int cSuite, int enablement, Tier expected) {
    assertThat(TierRules.participationTier(terms, new Commitments(6, meetings, 0, cSuite, enablement, 75, true, false, false))
        .value()).isEqualTo(expected);
  }

  @Test
  void theParticipationExplanationNamesTheShortfall() {
    RuleResult<Tier> result = TierRules.participationTier(terms, new Commitments(12, 40, 0, 2, 2, 80, true, false, false));
    assertThat(result.value()).isEqualTo(Tier.GROWTH);
    assertThat(result.explanation().text()).contains("STRATEGIC not met")
        .contains("partner management meetings 40 of 52").contains("CEO-level meetings 0 of 1")
        .contains("% field teams certified 80 of 90");
    assertThat(result.explanation().cell()).isEqualTo("participationStandards.GROWTH");
  }

  @Test
  void missingInputsAreRefusedByName() {
    assertThatThrownBy(() -> TierRules.revenueTier(terms, Motion.REFERRAL, null)).hasMessageContaining("annualRevenue");
    assertThatThrownBy(() -> TierRules.revenueTier(terms, null, BigDecimal.ONE)).hasMessageContaining("motion");
    assertThatThrownBy(() -> TierRules.proposeAtOnboarding(terms, Motion.OEM, new BigDecimal("-5")))
        .hasMessageContaining("forecast");
    assertThatThrownBy(() -> TierRules.qualifiedTier(terms, Motion.OEM, BigDecimal.ONE, null))
        .hasMessageContaining("commitments");
    assertThatThrownBy(() -> new Commitments(13, 0, 0, 0, 0, 0, false, false, false)).hasMessageContaining("monthsActive");
  }
}
