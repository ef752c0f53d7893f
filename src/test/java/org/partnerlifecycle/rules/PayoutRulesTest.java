package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partnerlifecycle.rules.IncentiveRules.Rate;
import org.partnerlifecycle.rules.PayoutRules.Clawback;

class PayoutRulesTest {

  private final ProgramTerms terms = Terms.V2026;
  private static final LocalDate CLOSED = LocalDate.parse("2026-01-10");

  private Rate rate(Tier tier, Motion motion) {
    return IncentiveRules.rateFor(terms, tier, motion, DealType.NEW, LicenseType.SUBSCRIPTION, Attribution.SOURCED)
        .value();
  }

  @Test
  void aWonDealPaysItsRateToTheCent() {
    RuleResult<PayoutRules.Payout> payout = PayoutRules.payout(terms, rate(Tier.GROWTH, Motion.REFERRAL),
        new BigDecimal("48000"), 12);
    assertThat(payout.value().amount()).isEqualTo(new BigDecimal("4800.00"));
    assertThat(payout.value().kind()).isEqualTo(IncentiveKind.REVENUE_SHARE);
    assertThat(payout.explanation().text()).contains("10% of $48000.00 = $4800.00");
    assertThat(PayoutRules.payout(terms, rate(Tier.STRATEGIC, Motion.FULL_RESELLER), new BigDecimal("1000.01"), 12)
        .value()).extracting(PayoutRules.Payout::amount, PayoutRules.Payout::kind)
        .containsExactly(new BigDecimal("300.00"), IncentiveKind.DISCOUNT);
  }

  @Test
  void foundationReferralEarnsOnTheFirstTwelveMonthsOnly() {
    RuleResult<PayoutRules.Payout> payout = PayoutRules.payout(terms, rate(Tier.FOUNDATION, Motion.REFERRAL),
        new BigDecimal("36000"), 36);
    assertThat(payout.value().basis()).isEqualTo(new BigDecimal("12000.00"));
    assertThat(payout.value().amount()).isEqualTo(new BigDecimal("600.00"));
    assertThat(PayoutRules.payout(terms, rate(Tier.GROWTH, Motion.REFERRAL), new BigDecimal("36000"), 36)
        .value().amount()).isEqualTo(new BigDecimal("3600.00"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"0.125, 0.12", "0.135, 0.14", "0.145, 0.14", "0.155, 0.16"})
  void moneyRoundsHalfEvenToCents(BigDecimal amount, BigDecimal cents) {
    assertThat(Money.cents(amount)).isEqualTo(cents);
  }

  @Test
  void aNegotiatedRateWithoutApprovalPaysNothingYet() {
    assertThatThrownBy(() -> PayoutRules.payout(terms, rate(Tier.GROWTH, Motion.OEM), new BigDecimal("10"), 12))
        .hasMessageContaining("approved");
  }

  /** Purchasing guide: add seats after 3 months of an annual subscription, priced for the remaining 9 months. */
  @Test
  void addOnSeatsArePricedForTheRestOfTheTerm() {
    RuleResult<BigDecimal> price = PayoutRules.addOnProration(terms, 10, new BigDecimal("120"), 9, 12);
    assertThat(price.value()).isEqualTo(new BigDecimal("900.00"));
    assertThat(PayoutRules.addOnProration(terms, 1, new BigDecimal("100"), 1, 3).value())
        .isEqualTo(new BigDecimal("33.33"));
    assertThatThrownBy(() -> PayoutRules.addOnProration(terms, 1, BigDecimal.ONE, 13, 12))
        .hasMessageContaining("remainingMonths");
  }

  /** Playbook clawback bands at their edges: &lt;30 days 100 %, 30–89 50 %, 90–179 (180−d)/180, from 180 none. */
  @ParameterizedTest(name = "cancelled after {0} days → {1}")
  @CsvSource({"0, 1000.00", "29, 1000.00", "30, 500.00", "89, 500.00", "90, 500.00", "120, 333.33",
      "179, 5.56", "180, 0.00", "400, 0.00"})
  void clawbackByDaysSinceClose(int days, BigDecimal expected) {
    RuleResult<Clawback> result = PayoutRules.clawback(terms, new BigDecimal("1000"), CLOSED, CLOSED.plusDays(days));
    assertThat(result.value().amount()).isEqualTo(expected);
    assertThat(result.value().daysSinceClose()).isEqualTo(days);
    assertThat(result.explanation().cell()).startsWith("clawback.bands[");
  }

  @Test
  void aCancellationBeforeTheCloseIsRefused() {
    assertThatThrownBy(() -> PayoutRules.clawback(terms, BigDecimal.TEN, CLOSED, CLOSED.minusDays(1)))
        .hasMessageContaining("before closedOn");
  }
}
