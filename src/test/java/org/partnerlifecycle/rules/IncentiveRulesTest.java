package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerlifecycle.rules.IncentiveRules.Rate;

class IncentiveRulesTest {

  private final ProgramTerms terms = Terms.V2026;

  /**
   * Guide §7 "New Business Incentives" and "Renewal Incentives", every cell (SPEC §2 table); sourced deals, licence
   * SUBSCRIPTION. percent '-' = negotiated without a figure; eligible=false = "N/A".
   */
  @ParameterizedTest(name = "{0} {1} {2}: {3} {4}% negotiated={5}")
  @CsvSource({
      "NEW,     REFERRAL,          FOUNDATION, REVENUE_SHARE, 5,  false, true",
      "NEW,     REFERRAL,          GROWTH,     REVENUE_SHARE, 10, false, true",
      "NEW,     REFERRAL,          STRATEGIC,  REVENUE_SHARE, 15, false, true",
      "NEW,     ASSISTED_RESELLER, FOUNDATION, NONE,          0,  false, false",
      "NEW,     ASSISTED_RESELLER, GROWTH,     REVENUE_SHARE, 15, false, true",
      "NEW,     ASSISTED_RESELLER, STRATEGIC,  REVENUE_SHARE, 20, true,  true",
      "NEW,     FULL_RESELLER,     FOUNDATION, NONE,          0,  false, false",
      "NEW,     FULL_RESELLER,     GROWTH,     DISCOUNT,      25, false, true",
      "NEW,     FULL_RESELLER,     STRATEGIC,  DISCOUNT,      30, false, true",
      "NEW,     OEM,               FOUNDATION, NONE,          0,  false, false",
      "NEW,     OEM,               GROWTH,     REVENUE_SHARE, -,  true,  true",
      "NEW,     OEM,               STRATEGIC,  REVENUE_SHARE, -,  true,  true",
      "RENEWAL, REFERRAL,          FOUNDATION, NONE,          0,  false, true",
      "RENEWAL, REFERRAL,          GROWTH,     REVENUE_SHARE, 0,  false, true",
      "RENEWAL, REFERRAL,          STRATEGIC,  REVENUE_SHARE, 5,  false, true",
      "RENEWAL, ASSISTED_RESELLER, FOUNDATION, NONE,          0,  false, false",
      "RENEWAL, ASSISTED_RESELLER, GROWTH,     REVENUE_SHARE, 5,  false, true",
      "RENEWAL, ASSISTED_RESELLER, STRATEGIC,  REVENUE_SHARE, 10, true,  true",
      "RENEWAL, FULL_RESELLER,     FOUNDATION, NONE,          0,  false, false",
      "RENEWAL, FULL_RESELLER,     GROWTH,     DISCOUNT,      25, false, true",
      "RENEWAL, FULL_RESELLER,     STRATEGIC,  DISCOUNT,      30, false, true",
      "RENEWAL, OEM,               FOUNDATION, NONE,          0,  false, false",
      "RENEWAL, OEM,               GROWTH,     REVENUE_SHARE, -,  true,  true",
      "RENEWAL, OEM,               STRATEGIC,  REVENUE_SHARE, -,  true,  true"})
  void everyIncentiveCell(DealType dealType, Motion motion, Tier tier, IncentiveKind kind, String percent,
      boolean negotiated, boolean eligible) {
    RuleResult<Rate> result = IncentiveRules.rateFor(terms, tier, motion, dealType, LicenseType.SUBSCRIPTION,
        Attribution.SOURCED);
    Rate rate = result.value();
    assertThat(rate.kind()).isEqualTo(kind);
    assertThat(rate.negotiated()).isEqualTo(negotiated);
    assertThat(rate.eligible()).isEqualTo(eligible);
    if (percent.equals("-")) {
      assertThat(rate.percent()).isNull();
    } else {
      assertThat(rate.percent()).isEqualByComparingTo(percent);
    }
    assertThat(IncentiveRules.requiresLeadershipApproval(rate, null)).isEqualTo(negotiated);
    Explanation why = result.explanation();
    assertThat(why.rule()).isEqualTo("incentive.rate");
    assertThat(why.cell()).isEqualTo("incentives." + dealType + "." + motion + "." + tier);
    assertThat(why.termsVersion()).isEqualTo("2026-01-01");
    assertThat(why.inputs()).containsKeys("tier", "motion", "dealType", "licenseType", "attribution");
  }

  @Test
  void addOnSeatsEarnTheNewBusinessRate() {
    assertThat(IncentiveRules.rateFor(terms, Tier.GROWTH, Motion.REFERRAL, DealType.ADD_ON, LicenseType.SUBSCRIPTION,
        Attribution.SOURCED).value().percent()).isEqualByComparingTo("10");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"FOUNDATION", "GROWTH", "STRATEGIC"})
  void noRevenueShareOnVolumePurchaseReferrals(Tier tier) {
    RuleResult<Rate> result = IncentiveRules.rateFor(terms, tier, Motion.REFERRAL, DealType.NEW, LicenseType.VOLUME,
        Attribution.SOURCED);
    assertThat(result.value().percent()).isEqualByComparingTo("0");
    assertThat(result.value().kind()).isEqualTo(IncentiveKind.NONE);
    assertThat(result.explanation().text()).contains("No revenue share on volume-purchase referrals");
  }

  @Test
  void volumeLicencesOfResellersStillEarnTheirDiscount() {
    assertThat(IncentiveRules.rateFor(terms, Tier.GROWTH, Motion.FULL_RESELLER, DealType.NEW, LicenseType.VOLUME,
        Attribution.SOURCED).value().percent()).isEqualByComparingTo("25");
  }

  @ParameterizedTest(name = "{0} {1}: influenced {2}%")
  @CsvSource({"REFERRAL, STRATEGIC, 7.5", "ASSISTED_RESELLER, GROWTH, 7.5", "FULL_RESELLER, STRATEGIC, 15",
      "REFERRAL, FOUNDATION, 2.5"})
  void influencedDealsEarnHalfTheRate(Motion motion, Tier tier, BigDecimal expected) {
    RuleResult<Rate> result = IncentiveRules.rateFor(terms, tier, motion, DealType.NEW, LicenseType.SUBSCRIPTION,
        Attribution.INFLUENCED);
    assertThat(result.value().percent()).isEqualByComparingTo(expected);
    assertThat(result.explanation().text()).contains("partner-influenced");
  }

  @Test
  void anyProposedRateNeedsLeadership() {
    Rate standard = IncentiveRules.rateFor(terms, Tier.GROWTH, Motion.REFERRAL, DealType.NEW,
        LicenseType.SUBSCRIPTION, Attribution.SOURCED).value();
    assertThat(IncentiveRules.requiresLeadershipApproval(standard, null)).isFalse();
    assertThat(IncentiveRules.requiresLeadershipApproval(standard, new BigDecimal("12"))).isTrue();
  }

  @Test
  void anApprovedNegotiatedRateKeepsTheAttribution() {
    Rate oem = IncentiveRules.rateFor(terms, Tier.STRATEGIC, Motion.OEM, DealType.NEW, LicenseType.SUBSCRIPTION,
        Attribution.INFLUENCED).value();
    RuleResult<Rate> approved = IncentiveRules.withApprovedRate(terms, oem, new BigDecimal("18"), "lena");
    assertThat(approved.value().percent()).isEqualByComparingTo("9");
    assertThat(approved.explanation().inputs()).containsEntry("approvedBy", "lena");
  }

  /** "*" cells: the guide's figure is shown as the standard, and leadership must approve. OEM has no figure. */
  @ParameterizedTest(name = "{0} {1} {2}: standard {3}")
  @CsvSource({"NEW, ASSISTED_RESELLER, STRATEGIC, 20", "RENEWAL, ASSISTED_RESELLER, STRATEGIC, 10",
      "NEW, OEM, GROWTH, -", "NEW, OEM, STRATEGIC, -", "RENEWAL, OEM, GROWTH, -", "RENEWAL, OEM, STRATEGIC, -"})
  void negotiatedCellsShowTheirStandardAndNeedLeadership(DealType dealType, Motion motion, Tier tier,
      String standard) {
    RuleResult<Rate> result = IncentiveRules.rateFor(terms, tier, motion, dealType, LicenseType.SUBSCRIPTION,
        Attribution.SOURCED);
    assertThat(result.value().negotiated()).isTrue();
    if (standard.equals("-")) {
      assertThat(result.value().standardPercent()).isNull();
      assertThat(result.explanation().outcome()).isEqualTo("NEGOTIATED");
    } else {
      assertThat(result.value().standardPercent()).isEqualByComparingTo(standard);
    }
    assertThat(result.explanation().text()).contains("needs leadership approval");
    assertThat(IncentiveRules.requiresLeadershipApproval(result.value(), null)).isTrue();
  }

  @Test
  void renewalAndPayPerUseReferralsAreNotVolumePurchases() {
    assertThat(IncentiveRules.rateFor(terms, Tier.STRATEGIC, Motion.REFERRAL, DealType.RENEWAL,
        LicenseType.VOLUME, Attribution.SOURCED).value().percent()).isEqualByComparingTo("0");
    assertThat(IncentiveRules.rateFor(terms, Tier.STRATEGIC, Motion.REFERRAL, DealType.NEW,
        LicenseType.PAY_PER_USE, Attribution.SOURCED).value().percent()).isEqualByComparingTo("15");
  }

  @Test
  void addOnSeatsReadTheNewBusinessCellAndSaySo() {
    RuleResult<Rate> result = IncentiveRules.rateFor(terms, Tier.STRATEGIC, Motion.ASSISTED_RESELLER, DealType.ADD_ON,
        LicenseType.SUBSCRIPTION, Attribution.SOURCED);
    assertThat(result.explanation().cell()).isEqualTo("incentives.NEW.ASSISTED_RESELLER.STRATEGIC");
    assertThat(result.explanation().text()).contains("add-on seats count as new business");
  }

  /** Percents are plain numbers: 10, 7.5 — never 1E+1, which JSON and toString() would show. */
  @Test
  void percentsAreNeverInExponentForm() {
    Rate growth = IncentiveRules.rateFor(terms, Tier.GROWTH, Motion.REFERRAL, DealType.NEW, LicenseType.SUBSCRIPTION,
        Attribution.SOURCED).value();
    assertThat(growth.percent().toString()).isEqualTo("10");
    Rate oem = IncentiveRules.rateFor(terms, Tier.GROWTH, Motion.OEM, DealType.NEW, LicenseType.SUBSCRIPTION,
        Attribution.SOURCED).value();
    assertThat(IncentiveRules.withApprovedRate(terms, oem, new BigDecimal("20.00"), "lena").value().percent()
        .toString()).isEqualTo("20");
  }

  @Test
  void missingArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> IncentiveRules.rateFor(terms, null, Motion.REFERRAL, DealType.NEW,
        LicenseType.SUBSCRIPTION, Attribution.SOURCED)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tier");
    assertThatThrownBy(() -> IncentiveRules.rateFor(terms, Tier.GROWTH, Motion.REFERRAL, DealType.NEW, null,
        Attribution.SOURCED)).hasMessageContaining("licenseType");
    Rate rate = IncentiveRules.rateFor(terms, Tier.GROWTH, Motion.REFERRAL, DealType.NEW, LicenseType.SUBSCRIPTION,
        Attribution.SOURCED).value();
    assertThatThrownBy(() -> IncentiveRules.requiresLeadershipApproval(rate, new BigDecimal("-1")))
        .hasMessageContaining("proposedRate");
    assertThatThrownBy(() -> IncentiveRules.requiresLeadershipApproval(rate, new BigDecimal("100.01")))
        .hasMessageContaining("proposedRate");
  }
}
