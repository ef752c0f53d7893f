package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Paying partners (SPEC §2 "Paying partners"; playbook seed 001 "Revenue Recognition Timing" lines 1961-1968,
 * "Payment Terms" lines 1848-1849, scenario 2 lines 1927-1932, affiliate terms lines 325 and 345): a won deal's
 * revenue share accrues per contract year, becomes payable once the customer's payment for that year is recorded and
 * the refund holdback has passed, and goes on a monthly statement netted against open clawbacks; a net under the
 * minimum payout (or negative) is carried forward; a statement is due Net 30; a run from the approval threshold needs
 * leadership.
 */
public final class SettlementRules {

  /** One contract year's share of a won deal's revenue share. */
  public record YearShare(int contractYear, int months, BigDecimal amount) {
  }

  /** What a partner's statement nets to, and what happens to it. */
  public enum Outcome {
    /** At least the minimum payout: a statement is issued. */
    STATEMENT,
    /** Positive but under the minimum payout: no statement, carried forward. */
    CARRIED_FORWARD,
    /** Clawbacks exceed what is payable: no statement, carried forward, never paid. */
    NEGATIVE_CARRIED_FORWARD
  }

  public record Netting(BigDecimal payable, BigDecimal clawbacks, BigDecimal net, Outcome outcome) {
  }

  private SettlementRules() {
  }

  /**
   * The revenue share of a won deal, split per contract year of {@code periodMonths} (the initial term, or 12 for a
   * FIRST_12_MONTHS rate): each year's share is the total × its months / the period's months, the last year taking
   * the rounding remainder so the years add up to the total. Scenario 2 (seed 001 lines 1927-1932): $24,000 ARR at
   * 15 % for 24 months is $3,600 in year 1 and $3,600 in year 2.
   */
  public static RuleResult<List<YearShare>> contractYears(ProgramTerms terms, BigDecimal total, int periodMonths) {
    Args.required("terms", terms);
    Money.requireNonNegative("total", total);
    if (periodMonths < 1) {
      throw new IllegalArgumentException("periodMonths must be at least 1: " + periodMonths);
    }
    int yearMonths = terms.payouts().contractYearMonths();
    List<YearShare> years = new ArrayList<>();
    BigDecimal booked = BigDecimal.ZERO;
    StringBuilder text = new StringBuilder();
    int year = 1;
    for (int start = 0; start < periodMonths; start += yearMonths, year++) {
      int months = Math.min(yearMonths, periodMonths - start);
      BigDecimal amount = start + months >= periodMonths ? Money.cents(total.subtract(booked))
          : Money.cents(total.multiply(new BigDecimal(months)).divide(new BigDecimal(periodMonths), 10,
              RoundingMode.HALF_EVEN));
      booked = booked.add(amount);
      years.add(new YearShare(year, months, amount));
      text.append(text.isEmpty() ? "" : ", ").append("year ").append(year).append(" (").append(months)
          .append(" months) $").append(amount.toPlainString());
    }
    return Explanation.of("payout.contractYears", terms).input("total", total).input("periodMonths", periodMonths)
        .input("contractYearMonths", yearMonths)
        .result(List.copyOf(years), "payouts.contractYearMonths", years.size() + " contract years",
            "Revenue share $" + Money.cents(total).toPlainString() + " accrues per contract year: " + text
                + "; each year is payable only with that year's customer payment");
  }

  /**
   * When a contract year's share becomes payable: the customer's payment date plus the refund holdback (seed 001
   * line 345: "30-day refund holdback"; line 1963: "First payment received → Pay commission").
   */
  public static RuleResult<LocalDate> payableOn(ProgramTerms terms, LocalDate customerPaidOn, int contractYear) {
    Args.required("terms", terms);
    Args.required("customerPaidOn", customerPaidOn);
    int holdback = terms.payouts().refundHoldbackDays();
    LocalDate payable = customerPaidOn.plusDays(holdback);
    return Explanation.of("payout.refundHoldback", terms).input("customerPaidOn", customerPaidOn)
        .input("contractYear", contractYear).input("refundHoldbackDays", holdback)
        .result(payable, "payouts.refundHoldbackDays", payable.toString(), "The customer paid contract year "
            + contractYear + " on " + customerPaidOn + ": its revenue share is payable from " + payable + " after the "
            + holdback + "-day refund holdback");
  }

  /**
   * One partner's month: what is payable less open clawbacks and adjustments ({@code clawbacks}, given as a
   * negative sum or zero). At least the minimum payout (seed 001 line 325: "$50 minimum payout") makes a statement;
   * less is carried forward to the next run; a negative net is carried forward and never paid.
   */
  public static RuleResult<Netting> net(ProgramTerms terms, BigDecimal payable, BigDecimal clawbacks) {
    Args.required("terms", terms);
    Money.requireNonNegative("payable", payable);
    Args.required("clawbacks", clawbacks);
    if (clawbacks.signum() > 0) {
      throw new IllegalArgumentException("clawbacks must be zero or negative: " + clawbacks.toPlainString());
    }
    BigDecimal minimum = terms.payouts().minimumPayout();
    BigDecimal net = Money.cents(payable.add(clawbacks));
    Outcome outcome = net.signum() < 0 ? Outcome.NEGATIVE_CARRIED_FORWARD
        : net.compareTo(minimum) < 0 ? Outcome.CARRIED_FORWARD : Outcome.STATEMENT;
    String sum = "$" + Money.cents(payable).toPlainString() + " payable less $" + Money.cents(clawbacks.negate())
        .toPlainString() + " clawed back = $" + net.toPlainString();
    String text = switch (outcome) {
      case STATEMENT -> sum + ": a statement (at least the $" + Money.cents(minimum).toPlainString()
          + " minimum payout)";
      case CARRIED_FORWARD -> sum + ": under the $" + Money.cents(minimum).toPlainString()
          + " minimum payout, carried forward to the next run";
      case NEGATIVE_CARRIED_FORWARD -> sum + ": negative, carried forward against future commission, never paid";
    };
    return Explanation.of("payout.statementNet", terms).input("payable", payable).input("clawbacks", clawbacks)
        .input("minimumPayout", minimum)
        .result(new Netting(Money.cents(payable), Money.cents(clawbacks), net, outcome), "payouts.minimumPayout",
            outcome.name(), text);
  }

  /** A statement is due Net 30 from its date (seed 001 line 1849: "Net 30 from invoice"; line 433 "Net-30"). */
  public static RuleResult<LocalDate> dueDate(ProgramTerms terms, LocalDate statementDate) {
    Args.required("terms", terms);
    Args.required("statementDate", statementDate);
    int days = terms.payouts().statementNetDays();
    LocalDate due = statementDate.plusDays(days);
    return Explanation.of("payout.dueDate", terms).input("statementDate", statementDate).input("netDays", days)
        .result(due, "payouts.statementNetDays", due.toString(), "Statement of " + statementDate + " due Net " + days
            + " on " + due);
  }

  /** A run totalling the threshold or more ($50,000, SPEC §3) waits for leadership's approval. */
  public static RuleResult<Boolean> needsApproval(ProgramTerms terms, BigDecimal runTotal) {
    Args.required("terms", terms);
    Money.requireNonNegative("runTotal", runTotal);
    BigDecimal from = terms.payouts().leadershipApprovalFrom();
    boolean needs = runTotal.compareTo(from) >= 0;
    return Explanation.of("payout.runApproval", terms).input("runTotal", runTotal).input("approvalFrom", from)
        .result(needs, "payouts.leadershipApprovalFrom", needs ? "LEADERSHIP" : "NONE", "Run total $"
            + Money.cents(runTotal).toPlainString() + (needs ? " is $" : " is under $")
            + Money.cents(from).toPlainString() + (needs ? " or more: leadership approves the run"
                : ": the statements are issued without approval"));
  }
}
