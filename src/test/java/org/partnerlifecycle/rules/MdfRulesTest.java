package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.rules.MdfRules.Period;
import org.partnerlifecycle.rules.MdfRules.Refusal;
import org.partnerlifecycle.rules.MdfRules.RequestCheck;

/**
 * Market development funds, as the playbook has them (seed 001 lines 1901-1916, "MDF Best Practices" and "MDF
 * Allocation by Tier"; Silver = GROWTH, Gold = STRATEGIC as SPEC §2 maps them) in both shipped terms versions.
 */
class MdfRulesTest {

  private static final LocalDate MAY = LocalDate.parse("2026-05-12");

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  /**
   * Seed 001 line 1914: "Silver$5,000$2,000Partner Manager"; line 1915: "Gold$25,000$10,000PM + Director";
   * line 1904 "Clear eligibility": "Silver+ partners" — FOUNDATION has none.
   */
  @Test
  void theAllocationByTierIsTheSeedsInBothTermsVersions() {
    for (ProgramTerms terms : Terms.CATALOG.all()) {
      ProgramTerms.MdfTerms mdf = terms.mdf();
      assertThat(mdf.annualBudget().get(Tier.GROWTH)).isEqualByComparingTo("5000");
      assertThat(mdf.quarterlyCap().get(Tier.GROWTH)).isEqualByComparingTo("2000");
      assertThat(mdf.annualBudget().get(Tier.STRATEGIC)).isEqualByComparingTo("25000");
      assertThat(mdf.quarterlyCap().get(Tier.STRATEGIC)).isEqualByComparingTo("10000");
      assertThat(mdf.eligibleTiers()).containsExactly(Tier.GROWTH, Tier.STRATEGIC);
      // Line 1905: "Events, content, advertising, not swag".
      assertThat(mdf.allowedUses()).containsExactly(MdfUse.EVENT, MdfUse.CONTENT, MdfUse.ADVERTISING);
      // Line 1908: "Net 15"; line 1909: "Funds expire end of fiscal year" (31 December, SPEC §2).
      assertThat(mdf.reimbursementNetDays()).isEqualTo(15);
      assertThat(mdf.fiscalYearEnd()).isEqualTo(java.time.MonthDay.of(12, 31));
    }
  }

  @Test
  void foundationIsNotEligibleAndSaysSo() {
    RuleResult<Boolean> foundation = MdfRules.eligibility(Terms.V2026, Tier.FOUNDATION);
    assertThat(foundation.value()).isFalse();
    assertThat(foundation.explanation().cell()).isEqualTo("mdf.annualBudget.FOUNDATION");
    assertThat(foundation.explanation().text())
        .isEqualTo("FOUNDATION partners are not eligible for MDF (eligible: [GROWTH, STRATEGIC]) (terms 2026-01-01)");
    RuleResult<RequestCheck> check = MdfRules.check(Terms.V2026, Tier.FOUNDATION, usd("500"),
        MdfRules.period(Terms.V2026, MAY), BigDecimal.ZERO, BigDecimal.ZERO);
    assertThat(check.value().refusal()).isEqualTo(Refusal.NOT_ELIGIBLE);
    assertThat(check.value().amountLeft()).isEqualByComparingTo("0");
    assertThat(check.explanation().outcome()).isEqualTo("NOT_ELIGIBLE");
  }

  /**
   * Line 1907: "<$5K: PM approves. >$5K: Director approval"; SPEC §2 settles exactly $5,000: "from $5,000
   * leadership approves as well".
   */
  @Test
  void fromFiveThousandLeadershipApprovesAsWell() {
    assertThat(MdfRules.leadershipApproval(Terms.V2026, usd("1500")).value()).isFalse();
    assertThat(MdfRules.leadershipApproval(Terms.V2026, usd("4999.99")).value()).isFalse();
    RuleResult<Boolean> five = MdfRules.leadershipApproval(Terms.V2026, usd("5000"));
    assertThat(five.value()).isTrue();
    assertThat(five.explanation().outcome()).isEqualTo("PARTNER_MANAGER_AND_LEADERSHIP");
    assertThat(five.explanation().text()).startsWith("$5,000.00 is $5,000.00 or more");
  }

  /** Line 1914: the GROWTH quarterly cap of $2,000 within $5,000 a year; reserved amounts count against both. */
  @Test
  void aRequestBeyondTheQuarterlyCapIsRefusedWithTheAmountLeft() {
    Period q2 = MdfRules.period(Terms.V2026, MAY);
    RuleResult<RequestCheck> fits = MdfRules.check(Terms.V2026, Tier.GROWTH, usd("1500"), q2, BigDecimal.ZERO,
        BigDecimal.ZERO);
    assertThat(fits.value().accepted()).isTrue();
    assertThat(fits.value().leadershipApproval()).isFalse();
    assertThat(fits.explanation().text()).startsWith("$1,500.00 fits: $2,000.00 left in FY2026 Q2, $5,000.00 in "
        + "FY2026; the partner manager approves");
    assertThat(fits.value().explanations()).extracting(Explanation::rule)
        .containsExactly("mdf.eligibility", "mdf.quarterlyCapLeft", "mdf.annualBudgetLeft", "mdf.approval");

    RuleResult<RequestCheck> beyond = MdfRules.check(Terms.V2026, Tier.GROWTH, usd("1000"), q2, usd("1500"),
        usd("1500"));
    assertThat(beyond.value().refusal()).isEqualTo(Refusal.BEYOND_QUARTERLY_CAP);
    assertThat(beyond.value().amountLeft()).isEqualByComparingTo("500");
    assertThat(beyond.explanation().text()).startsWith("$1,000.00 is beyond the quarterly cap: $500.00 left in "
        + "FY2026 Q2 (cap $2,000.00)");
    // The last $500 of the quarter fits exactly.
    assertThat(MdfRules.check(Terms.V2026, Tier.GROWTH, usd("500"), q2, usd("1500"), usd("1500")).value()
        .accepted()).isTrue();
  }

  /** Line 1914: $5,000 a year — after $2,000 in each of Q1 and Q2 only $1,000 is left for Q3 and Q4. */
  @Test
  void theAnnualBudgetLimitsTheLaterQuarters() {
    Period q3 = MdfRules.period(Terms.V2026, LocalDate.parse("2026-08-01"));
    RuleResult<RequestCheck> check = MdfRules.check(Terms.V2026, Tier.GROWTH, usd("2000"), q3, BigDecimal.ZERO,
        usd("4000"));
    assertThat(check.value().refusal()).isEqualTo(Refusal.BEYOND_ANNUAL_BUDGET);
    assertThat(check.value().quarterLeft()).isEqualByComparingTo("2000");
    assertThat(check.value().yearLeft()).isEqualByComparingTo("1000");
    assertThat(check.value().amountLeft()).isEqualByComparingTo("1000");
  }

  /** Line 1915: STRATEGIC $10,000 a quarter; $6,000 fits and needs leadership too. */
  @Test
  void aStrategicRequestOfSixThousandFitsAndNeedsLeadership() {
    RuleResult<RequestCheck> check = MdfRules.check(Terms.V2026_12, Tier.STRATEGIC, usd("6000"),
        MdfRules.period(Terms.V2026_12, LocalDate.parse("2026-12-02")), BigDecimal.ZERO, BigDecimal.ZERO);
    assertThat(check.value().accepted()).isTrue();
    assertThat(check.value().leadershipApproval()).isTrue();
    assertThat(check.explanation().termsVersion()).isEqualTo("2026-12-01");
  }

  @Test
  void quartersAndFiscalYearsFollowTheThirtyFirstOfDecember() {
    Period may = MdfRules.period(Terms.V2026, MAY);
    assertThat(may).isEqualTo(new Period(2026, 2, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
        LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30")));
    assertThat(MdfRules.period(Terms.V2026, LocalDate.parse("2026-12-31")).label()).isEqualTo("FY2026 Q4");
    assertThat(MdfRules.period(Terms.V2026, LocalDate.parse("2027-01-01")).label()).isEqualTo("FY2027 Q1");
  }

  /** Line 1908: "Net 15" — SPEC §2 counts it from the claim's approval (the seed: "from receipt submission"). */
  @Test
  void reimbursementIsDueFifteenDaysAfterTheClaimsApproval() {
    RuleResult<LocalDate> due = MdfRules.reimbursementDue(Terms.V2026, LocalDate.parse("2026-06-10"));
    assertThat(due.value()).isEqualTo(LocalDate.parse("2026-06-25"));
    assertThat(due.explanation().cell()).isEqualTo("mdf.reimbursementNetDays");
  }

  /** Line 1909: "Use-it-or-lose-it" / "Funds expire end of fiscal year". */
  @Test
  void unclaimedFundsLapseAtTheEndOfTheFiscalYearOfTheRequest() {
    assertThat(MdfRules.lapsesAfter(Terms.V2026, MAY).value()).isEqualTo(LocalDate.parse("2026-12-31"));
  }

  @Test
  void aClaimReleasesWhatItDidNotUseAndMayNotClaimMore() {
    RuleResult<BigDecimal> released = MdfRules.claimRelease(Terms.V2026, usd("1500"), usd("1200"));
    assertThat(released.value()).isEqualByComparingTo("300");
    assertThat(released.explanation().text()).startsWith("Claimed $1,200.00 of $1,500.00 approved: $300.00 released");
    assertThatThrownBy(() -> MdfRules.claimRelease(Terms.V2026, usd("1500"), usd("1500.01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void brokenMdfTermsAreRefusedNamingTheCell() throws Exception {
    ObjectNode terms;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("terms/2026-01-01.json")) {
      terms = (ObjectNode) new ObjectMapper().readTree(in);
    }
    ((ObjectNode) terms.path("mdf").path("quarterlyCap")).put("GROWTH", 6000);
    assertThatThrownBy(() -> TermsCatalog.fromJson("broken.json", terms.toString()))
        .isInstanceOf(TermsValidationException.class).hasMessageContaining("mdf.quarterlyCap.GROWTH")
        .hasMessageContaining("above the annual budget");
    ((ObjectNode) terms.path("mdf").path("quarterlyCap")).put("GROWTH", 2000);
    ((ObjectNode) terms.path("mdf")).putArray("allowedUses").add("SWAG");
    assertThatThrownBy(() -> TermsCatalog.fromJson("broken.json", terms.toString()))
        .isInstanceOf(TermsValidationException.class).hasMessageContaining("mdf.allowedUses")
        .hasMessageContaining("unknown MdfUse 'SWAG'");
    ((ObjectNode) terms).remove("mdf");
    assertThatThrownBy(() -> TermsCatalog.fromJson("broken.json", terms.toString()))
        .isInstanceOf(TermsValidationException.class).hasMessageContaining("mdf.annualBudget")
        .hasMessageContaining("missing");
  }
}
