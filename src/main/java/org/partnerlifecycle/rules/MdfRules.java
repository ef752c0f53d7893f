package org.partnerlifecycle.rules;

import static org.partnerlifecycle.rules.Money.usd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.partnerlifecycle.rules.ProgramTerms.MdfTerms;

/**
 * Market development funds (playbook "MDF Best Practices" and "MDF Allocation by Tier", seed 001 lines 1901-1916;
 * SPEC §2): eligibility by tier, the yearly budget and the quarterly cap a request reserves against, who approves,
 * when a reimbursement is due and when unclaimed funds lapse. Amounts are USD; what a partner has used is what its
 * requests reserve (the caller sums them).
 */
public final class MdfRules {

  /** Why a request was refused at submission. */
  public enum Refusal { NOT_ELIGIBLE, BEYOND_QUARTERLY_CAP, BEYOND_ANNUAL_BUDGET }

  /**
   * The fiscal year (named by the calendar year it ends in) and quarter a date falls in, with their bounds.
   * With the fiscal year ending 31 December, quarters are calendar quarters.
   */
  public record Period(int fiscalYear, int quarter, LocalDate yearStart, LocalDate yearEnd, LocalDate quarterStart,
      LocalDate quarterEnd) {

    public String label() {
      return "FY" + fiscalYear + " Q" + quarter;
    }
  }

  /**
   * The checks of one request: {@code refusal} is null when accepted; {@code quarterLeft} and {@code yearLeft} are
   * what was left before it; {@code leadershipApproval} whether leadership approves as well.
   */
  public record RequestCheck(Refusal refusal, BigDecimal quarterLeft, BigDecimal yearLeft,
      boolean leadershipApproval, List<Explanation> explanations) {

    public boolean accepted() {
      return refusal == null;
    }

    /** What the partner could still request now: the smaller of the cap and the budget left. */
    public BigDecimal amountLeft() {
      return quarterLeft.min(yearLeft);
    }
  }

  private MdfRules() {
  }

  public static Period period(ProgramTerms terms, LocalDate date) {
    Args.required("terms", terms);
    Args.required("date", date);
    LocalDate yearEnd = terms.mdf().fiscalYearEnd().atYear(date.getYear());
    if (date.isAfter(yearEnd)) {
      yearEnd = terms.mdf().fiscalYearEnd().atYear(date.getYear() + 1);
    }
    LocalDate yearStart = terms.mdf().fiscalYearEnd().atYear(yearEnd.getYear() - 1).plusDays(1);
    int quarter = (int) (ChronoUnit.MONTHS.between(yearStart, date) / 3) + 1;
    LocalDate quarterStart = yearStart.plusMonths(3L * (quarter - 1));
    return new Period(yearEnd.getYear(), quarter, yearStart, yearEnd, quarterStart,
        quarterStart.plusMonths(3).minusDays(1));
  }

  /** FOUNDATION partners are not eligible (SPEC §2; the playbook's "Clear eligibility": "Silver+ partners"). */
  public static RuleResult<Boolean> eligibility(ProgramTerms terms, Tier tier) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    MdfTerms mdf = terms.mdf();
    boolean eligible = mdf.eligible(tier);
    return Explanation.of("mdf.eligibility", terms).input("tier", tier)
        .result(eligible, "mdf.annualBudget." + tier, eligible ? "ELIGIBLE" : "NOT_ELIGIBLE",
            eligible ? tier + " partners receive " + usd(mdf.annualBudget().get(tier)) + " of MDF a year"
                : tier + " partners are not eligible for MDF (eligible: " + mdf.eligibleTiers() + ")");
  }

  /** The quarterly cap left in the period's quarter, given what the partner's requests reserve in it. */
  public static RuleResult<BigDecimal> quarterCapLeft(ProgramTerms terms, Tier tier, Period period,
      BigDecimal reservedThisQuarter) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("period", period);
    Money.requireNonNegative("reservedThisQuarter", reservedThisQuarter);
    BigDecimal cap = terms.mdf().quarterlyCap().get(tier);
    BigDecimal left = Money.cents(cap.subtract(reservedThisQuarter).max(BigDecimal.ZERO));
    return Explanation.of("mdf.quarterlyCapLeft", terms).input("tier", tier).input("quarter", period.label())
        .input("reservedThisQuarter", Money.cents(reservedThisQuarter))
        .result(left, "mdf.quarterlyCap." + tier, left.toPlainString(),
            usd(left) + " left of the " + tier + " quarterly cap of " + usd(cap) + " in " + period.label() + " ("
                + usd(reservedThisQuarter) + " reserved or spent)");
  }

  /** The annual budget left in the period's fiscal year, given what the partner's requests reserve in it. */
  public static RuleResult<BigDecimal> yearBudgetLeft(ProgramTerms terms, Tier tier, Period period,
      BigDecimal reservedThisYear) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("period", period);
    Money.requireNonNegative("reservedThisYear", reservedThisYear);
    BigDecimal budget = terms.mdf().annualBudget().get(tier);
    BigDecimal left = Money.cents(budget.subtract(reservedThisYear).max(BigDecimal.ZERO));
    return Explanation.of("mdf.annualBudgetLeft", terms).input("tier", tier).input("fiscalYear", period.fiscalYear())
        .input("reservedThisYear", Money.cents(reservedThisYear))
        .result(left, "mdf.annualBudget." + tier, left.toPlainString(),
            usd(left) + " left of the " + tier + " annual MDF of " + usd(budget) + " in FY" + period.fiscalYear()
                + " (" + usd(reservedThisYear) + " reserved or spent)");
  }

  /** Under the threshold the partner manager approves alone; from it leadership approves as well (SPEC §2). */
  public static RuleResult<Boolean> leadershipApproval(ProgramTerms terms, BigDecimal amount) {
    Args.required("terms", terms);
    Money.requireNonNegative("amount", amount);
    BigDecimal from = terms.mdf().leadershipApprovalFrom();
    boolean needed = amount.compareTo(from) >= 0;
    return Explanation.of("mdf.approval", terms).input("amount", Money.cents(amount))
        .result(needed, "mdf.leadershipApprovalFrom", needed ? "PARTNER_MANAGER_AND_LEADERSHIP" : "PARTNER_MANAGER",
            needed ? usd(amount) + " is " + usd(from) + " or more: the partner manager and leadership approve"
                : usd(amount) + " is under " + usd(from) + ": the partner manager approves");
  }

  /**
   * A request at submission: eligibility, then the quarterly cap and the annual budget left (a request may not take
   * more than either). @param reservedThisQuarter what the partner's other requests reserve or spent in the quarter
   */
  public static RuleResult<RequestCheck> check(ProgramTerms terms, Tier tier, BigDecimal amount, Period period,
      BigDecimal reservedThisQuarter, BigDecimal reservedThisYear) {
    Args.required("terms", terms);
    Money.requireNonNegative("amount", amount);
    List<Explanation> explanations = new ArrayList<>();
    RuleResult<Boolean> eligible = eligibility(terms, tier);
    explanations.add(eligible.explanation());
    RuleResult<BigDecimal> capLeft = quarterCapLeft(terms, tier, period, reservedThisQuarter);
    RuleResult<BigDecimal> budgetLeft = yearBudgetLeft(terms, tier, period, reservedThisYear);
    explanations.add(capLeft.explanation());
    explanations.add(budgetLeft.explanation());
    RuleResult<Boolean> leadership = leadershipApproval(terms, amount);
    Refusal refusal = null;
    String text;
    if (!eligible.value()) {
      refusal = Refusal.NOT_ELIGIBLE;
      text = eligible.explanation().text().replaceAll(" \\(terms [^)]*\\)$", "");
    } else if (amount.compareTo(capLeft.value()) > 0) {
      refusal = Refusal.BEYOND_QUARTERLY_CAP;
      text = usd(amount) + " is beyond the quarterly cap: " + usd(capLeft.value()) + " left in " + period.label()
          + " (cap " + usd(terms.mdf().quarterlyCap().get(tier)) + ")";
    } else if (amount.compareTo(budgetLeft.value()) > 0) {
      refusal = Refusal.BEYOND_ANNUAL_BUDGET;
      text = usd(amount) + " is beyond the annual budget: " + usd(budgetLeft.value()) + " left in FY"
          + period.fiscalYear() + " (budget " + usd(terms.mdf().annualBudget().get(tier)) + ")";
    } else {
      explanations.add(leadership.explanation());
      text = usd(amount) + " fits: " + usd(capLeft.value()) + " left in " + period.label() + ", "
          + usd(budgetLeft.value()) + " in FY" + period.fiscalYear() + "; "
          + (leadership.value() ? "partner manager and leadership approve" : "the partner manager approves");
    }
    RequestCheck check = new RequestCheck(refusal, capLeft.value(), budgetLeft.value(),
        refusal == null && leadership.value(), List.copyOf(explanations));
    return Explanation.of("mdf.request", terms).input("tier", tier).input("amount", Money.cents(amount))
        .input("quarter", period.label()).input("reservedThisQuarter", Money.cents(reservedThisQuarter))
        .input("reservedThisYear", Money.cents(reservedThisYear))
        .result(check, "mdf", refusal == null ? "ACCEPTED" : refusal.name(), text);
  }

  /** Reimbursement is due Net 15 from the claim's approval (SPEC §2). */
  public static RuleResult<LocalDate> reimbursementDue(ProgramTerms terms, LocalDate claimApprovedOn) {
    Args.required("terms", terms);
    Args.required("claimApprovedOn", claimApprovedOn);
    int days = terms.mdf().reimbursementNetDays();
    LocalDate due = claimApprovedOn.plusDays(days);
    return Explanation.of("mdf.reimbursementDue", terms).input("claimApprovedOn", claimApprovedOn)
        .result(due, "mdf.reimbursementNetDays", due.toString(),
            "Reimbursement due Net " + days + " from the claim's approval on " + claimApprovedOn + ": " + due);
  }

  /**
   * Use it or lose it: an approved request not claimed by the end of the fiscal year of its submission lapses then,
   * and nothing carries into the next year. @return the last day it may be claimed
   */
  public static RuleResult<LocalDate> lapsesAfter(ProgramTerms terms, LocalDate submittedOn) {
    Period period = period(terms, submittedOn);
    return Explanation.of("mdf.lapse", terms).input("submittedOn", submittedOn)
        .result(period.yearEnd(), "mdf.fiscalYearEnd", period.yearEnd().toString(),
            "Funds expire at the end of FY" + period.fiscalYear() + " on " + period.yearEnd()
                + ": unclaimed, the request lapses then and nothing carries into the next year");
  }

  /** A claim releases what it did not use of the approved amount; it may not claim more. */
  public static RuleResult<BigDecimal> claimRelease(ProgramTerms terms, BigDecimal approved, BigDecimal receipt) {
    Money.requireNonNegative("approved", approved);
    Money.requireNonNegative("receipt", receipt);
    if (receipt.compareTo(approved) > 0) {
      throw new IllegalArgumentException("receipt " + receipt.toPlainString() + " is above the approved "
          + approved.toPlainString());
    }
    BigDecimal released = Money.cents(approved.subtract(receipt));
    return Explanation.of("mdf.claimRelease", terms).input("approved", Money.cents(approved))
        .input("receipt", Money.cents(receipt))
        .result(released, "mdf", released.toPlainString(), "Claimed " + usd(receipt) + " of " + usd(approved)
            + " approved: " + usd(released) + " released to the budget");
  }
}
