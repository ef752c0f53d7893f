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

  @ParameterizedTest(name = "10% of {0} -> {1}")
  @CsvSource({"1.25, 0.12", "1.35, 0.14", "48000, 4800.00", "0, 0.00"})
  void payoutsRoundHalfEvenToCents(BigDecimal amount, BigDecimal expected) {
    assertThat(PayoutRules.payout(terms, rate(Tier.GROWTH, Motion.REFERRAL), amount).value().amount())
        .isEqualTo(expected);
  }

  @Test
  void anInfluencedDealPaysHalfTheRate() {
    Rate influenced = IncentiveRules.rateFor(terms, Tier.STRATEGIC, Motion.REFERRAL, DealType.NEW,
        LicenseType.SUBSCRIPTION, Attribution.INFLUENCED).value();
    RuleResult<PayoutRules.Payout> payout = PayoutRules.payout(terms, influenced, new BigDecimal("1000.10"));
    assertThat(payout.value().amount()).isEqualTo(new BigDecimal("75.01"));
    assertThat(payout.value().rate()).isEqualByComparingTo("7.5");
    assertThat(payout.explanation().inputs()).doesNotContainKey("termMonths");
  }

  @Test
  void withoutATermTheAmountIsTheBasis() {
    assertThat(PayoutRules.payout(terms, rate(Tier.FOUNDATION, Motion.REFERRAL), new BigDecimal("36000")).value()
        .basis()).isEqualTo(new BigDecimal("36000.00"));
  }

  /** Each band is named in the result, so the ledger can say which band applied. */
  @ParameterizedTest(name = "{0} days: {1}")
  @CsvSource({"0, '< 30 days: 100%'", "29, '< 30 days: 100%'", "30, '30-90 days: 50%'", "89, '30-90 days: 50%'",
      "90, 'pro-rated'", "179, 'pro-rated'", "180, 'no clawback'"})
  void clawbackNamesItsBand(int days, String band) {
    RuleResult<Clawback> result = PayoutRules.clawback(terms, new BigDecimal("1000"), CLOSED, CLOSED.plusDays(days));
    assertThat(result.value().band()).contains(band);
    assertThat(result.explanation().text()).contains(band);
  }

  @Test
  void proRatedClawbackIsOneHundredEightyMinusDaysOverOneHundredEighty() {
    Clawback at120 = PayoutRules.clawback(terms, new BigDecimal("1000"), CLOSED, CLOSED.plusDays(120)).value();
    assertThat(at120.percent()).isEqualByComparingTo("33.3333");
    assertThat(at120.amount()).isEqualTo(new BigDecimal("333.33"));
  }

  @Test
  void badMoneyInputsAreRefusedByName() {
    Rate rate = rate(Tier.GROWTH, Motion.REFERRAL);
    assertThatThrownBy(() -> PayoutRules.payout(terms, rate, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount");
    assertThatThrownBy(() -> PayoutRules.payout(terms, rate, new BigDecimal("-0.01"))).hasMessageContaining("amount");
    assertThatThrownBy(() -> PayoutRules.payout(terms, null, BigDecimal.ONE)).hasMessageContaining("rate");
    assertThatThrownBy(() -> PayoutRules.payout(terms, rate, BigDecimal.ONE, 0)).hasMessageContaining("termMonths");
    assertThatThrownBy(() -> PayoutRules.clawback(terms, new BigDecimal("-5"), CLOSED, CLOSED))
        .hasMessageContaining("paidAmount");
    assertThatThrownBy(() -> PayoutRules.clawback(terms, BigDecimal.TEN, null, CLOSED))
        .hasMessageContaining("closedOn");
    assertThatThrownBy(() -> PayoutRules.clawback(terms, BigDecimal.TEN, CLOSED, null))
        .hasMessageContaining("cancelledOn");
    assertThatThrownBy(() -> PayoutRules.addOnProration(terms, 1, null, 1, 12)).hasMessageContaining("unitPrice");
    assertThatThrownBy(() -> PayoutRules.addOnProration(terms, 0, BigDecimal.TEN, 1, 12))
        .hasMessageContaining("seats");
  }

  @Test
  void addOnProrationRoundsHalfEven() {
    // 1 seat × $0.25 × 6 / 12 = 0.125 -> 0.12; × $0.27 -> 0.135 -> 0.14
    assertThat(PayoutRules.addOnProration(terms, 1, new BigDecimal("0.25"), 6, 12).value())
        .isEqualTo(new BigDecimal("0.12"));
    assertThat(PayoutRules.addOnProration(terms, 1, new BigDecimal("0.27"), 6, 12).value())
        .isEqualTo(new BigDecimal("0.14"));
  }
}
