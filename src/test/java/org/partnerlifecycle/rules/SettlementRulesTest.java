package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerlifecycle.rules.IncentiveRules.Rate;
import org.partnerlifecycle.rules.SettlementRules.Netting;
import org.partnerlifecycle.rules.SettlementRules.Outcome;
import org.partnerlifecycle.rules.SettlementRules.YearShare;

/** Paying partners: the playbook (seed 001_733f1c04eb51fcd7.txt) as payout arithmetic. */
class SettlementRulesTest {

  private final ProgramTerms terms = Terms.V2026_12;

  /**
   * Seed 001 lines 1927-1932, "SCENARIO 2: Recurring Revenue Share — Deal size: $24,000 ARR / Revenue share: 15% for
   * 24 months / Year 1 commission: $3,600 / Year 2 commission: $3,600 / Total if customer retains: $7,200".
   */
  @Test
  void scenario2PaysYear1AndYear2SeparatelyAndTheyAddUpTo7200() {
    Rate strategic = IncentiveRules.rateFor(terms, Tier.STRATEGIC, Motion.REFERRAL, DealType.NEW,
        LicenseType.SUBSCRIPTION, Attribution.SOURCED).value();
    RuleResult<PayoutRules.Payout> payout = PayoutRules.payout(terms, strategic, new BigDecimal("48000"), 24);
    assertThat(payout.value().amount()).isEqualByComparingTo("7200.00");
    RuleResult<List<YearShare>> years = SettlementRules.contractYears(terms, payout.value().amount(), 24);
    assertThat(years.value()).containsExactly(new YearShare(1, 12, new BigDecimal("3600.00")),
        new YearShare(2, 12, new BigDecimal("3600.00")));
    assertThat(years.explanation().rule()).isEqualTo("payout.contractYears");
    assertThat(years.explanation().termsVersion()).isEqualTo("2026-12-01");
    assertThat(years.explanation().text()).contains("year 1 (12 months) $3600.00, year 2 (12 months) $3600.00")
        .contains("each year is payable only with that year's customer payment");
  }

  /** A 36-month GROWTH referral (10 %, initial term) of $72,000: three years of $2,400; odd cents go to the last. */
  @Test
  void a36MonthShareAccruesInThreeYearsAndRoundingGoesToTheLastYear() {
    assertThat(SettlementRules.contractYears(terms, new BigDecimal("7200.00"), 36).value())
        .extracting(YearShare::amount).containsExactly(new BigDecimal("2400.00"), new BigDecimal("2400.00"),
            new BigDecimal("2400.00"));
    List<YearShare> odd = SettlementRules.contractYears(terms, new BigDecimal("100.00"), 30).value();
    assertThat(odd).extracting(YearShare::months).containsExactly(12, 12, 6);
    assertThat(odd).extracting(YearShare::amount).containsExactly(new BigDecimal("40.00"), new BigDecimal("40.00"),
        new BigDecimal("20.00"));
    List<YearShare> thirds = SettlementRules.contractYears(terms, new BigDecimal("100.00"), 36).value();
    assertThat(thirds).extracting(YearShare::amount).containsExactly(new BigDecimal("33.33"),
        new BigDecimal("33.33"), new BigDecimal("33.34"));
    assertThat(SettlementRules.contractYears(terms, new BigDecimal("4800.00"), 12).value()).hasSize(1);
  }

  /**
   * Seed 001 line 345 ("30-day refund holdback") and lines 1961-1963 ("Revenue Recognition Timing … Deal signed →
   * Accrue commission; First payment received → Pay commission").
   */
  @Test
  void aContractYearIsPayableThirtyDaysAfterTheCustomersPayment() {
    RuleResult<LocalDate> payable = SettlementRules.payableOn(terms, LocalDate.parse("2026-03-01"), 1);
    assertThat(payable.value()).isEqualTo(LocalDate.parse("2026-03-31"));
    assertThat(payable.explanation().inputs()).containsEntry("refundHoldbackDays", "30");
    assertThat(payable.explanation().text()).contains("payable from 2026-03-31 after the 30-day refund holdback");
  }

  /** Seed 001 line 325, "Paid monthly, $50 minimum payout": $40 is carried forward, $50 makes a statement. */
  @ParameterizedTest
  @CsvSource({
      "40.00,   0.00,     40.00,   CARRIED_FORWARD",
      "49.99,   0.00,     49.99,   CARRIED_FORWARD",
      "50.00,   0.00,     50.00,   STATEMENT",
      "2400.00, -1000.00, 1400.00, STATEMENT",
      "2400.00, -2380.00, 20.00,   CARRIED_FORWARD",
      "0.00,    -1200.00, -1200.00, NEGATIVE_CARRIED_FORWARD",
      "500.00,  -1200.00, -700.00, NEGATIVE_CARRIED_FORWARD"})
  void aNetUnderTheFiftyDollarMinimumOrNegativeIsCarriedForward(String payable, String clawbacks, String net,
      Outcome outcome) {
    RuleResult<Netting> netting = SettlementRules.net(terms, new BigDecimal(payable), new BigDecimal(clawbacks));
    assertThat(netting.value().net()).isEqualByComparingTo(net);
    assertThat(netting.value().outcome()).isEqualTo(outcome);
    assertThat(netting.explanation().inputs()).containsEntry("minimumPayout", "50");
    assertThat(netting.explanation().text()).contains("(terms 2026-12-01)");
    if (outcome == Outcome.NEGATIVE_CARRIED_FORWARD) {
      assertThat(netting.explanation().text()).contains("never paid");
    }
  }

  /** Seed 001 line 1849, "Payment Terms: Net 30 from invoice". */
  @Test
  void aStatementIsDueNet30() {
    assertThat(SettlementRules.dueDate(terms, LocalDate.parse("2026-12-01")).value())
        .isEqualTo(LocalDate.parse("2026-12-31"));
  }

  /** SPEC §3 payout-run: "ApprovePayoutRun by leadership when the run's total is $50,000 or more". */
  @Test
  void aRunFrom50000NeedsLeadership() {
    assertThat(SettlementRules.needsApproval(terms, new BigDecimal("49999.99")).value()).isFalse();
    assertThat(SettlementRules.needsApproval(terms, new BigDecimal("50000.00")).value()).isTrue();
    assertThat(SettlementRules.needsApproval(terms, new BigDecimal("50000.00")).explanation().text())
        .contains("leadership approves the run");
  }

  @Test
  void wrongInputsAreRefused() {
    assertThatThrownBy(() -> SettlementRules.net(terms, new BigDecimal("10"), new BigDecimal("5")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SettlementRules.contractYears(terms, new BigDecimal("10"), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SettlementRules.net(terms, new BigDecimal("-1"), BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bothTermsVersionsCarryThePayoutTerms() {
    for (ProgramTerms version : Terms.CATALOG.all()) {
      assertThat(version.payouts().refundHoldbackDays()).isEqualTo(30);
      assertThat(version.payouts().minimumPayout()).isEqualByComparingTo("50");
      assertThat(version.payouts().statementNetDays()).isEqualTo(30);
      assertThat(version.payouts().leadershipApprovalFrom()).isEqualByComparingTo("50000");
    }
  }
}
