package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.partnerlifecycle.rules.IncentiveRules.Rate;
import org.partnerlifecycle.rules.ProgramTerms.ClawbackBand;

/** Money from rates: the payout of a won deal, add-on seat proration, and the clawback when a customer cancels. */
public final class PayoutRules {

  /** What a won deal books: {@code amount} = {@code basis} × {@code rate} %. */
  public record Payout(IncentiveKind kind, BigDecimal amount, BigDecimal rate, BigDecimal basis) {
  }

  public record Clawback(BigDecimal amount, BigDecimal percent, long daysSinceClose, String band) {
  }

  private PayoutRules() {
  }

  /**
   * The payout for a won deal of {@code amount} over {@code termMonths}. A FIRST_12_MONTHS rate (FOUNDATION
   * referral, "Year 1") applies to the first 12 months' share of a longer contract only.
   */
  public static RuleResult<Payout> payout(ProgramTerms terms, Rate rate, BigDecimal amount, int termMonths) {
    if (termMonths < 1) {
      throw new IllegalArgumentException("termMonths must be at least 1: " + termMonths);
    }
    return payout(terms, rate, amount, Integer.valueOf(termMonths));
  }

  /**
   * The payout on {@code amount} as the basis, whatever the contract's length: for a FIRST_12_MONTHS rate the
   * caller passes the first 12 months' value.
   */
  public static RuleResult<Payout> payout(ProgramTerms terms, Rate rate, BigDecimal amount) {
    return payout(terms, rate, amount, (Integer) null);
  }

  private static RuleResult<Payout> payout(ProgramTerms terms, Rate rate, BigDecimal amount, Integer termMonths) {
    Args.required("terms", terms);
    Args.required("rate", rate);
    Money.requireNonNegative("amount", amount);
    if (rate.percent() == null) {
      throw new IllegalArgumentException("A negotiated rate must be approved before a payout is computed");
    }
    if (rate.percent().signum() < 0 || rate.percent().compareTo(Money.HUNDRED) > 0) {
      throw new IllegalArgumentException("rate.percent must be between 0 and 100: " + rate.percent().toPlainString());
    }
    BigDecimal basis = Money.cents(amount);
    String basisText = "$" + basis.toPlainString();
    if ("FIRST_12_MONTHS".equals(rate.term()) && termMonths != null && termMonths > 12) {
      basis = Money.cents(amount.multiply(new BigDecimal(12)).divide(new BigDecimal(termMonths), 10,
          RoundingMode.HALF_EVEN));
      basisText = "the first 12 of " + termMonths + " months of $" + Money.cents(amount).toPlainString() + " = $"
          + basis.toPlainString();
    }
    BigDecimal paid = Money.percentOf(basis, rate.percent());
    IncentiveKind kind = rate.kind();
    Explanation.Builder why = Explanation.of("payout.wonDeal", terms).input("kind", kind)
        .input("ratePercent", rate.percent()).input("amount", amount);
    if (termMonths != null) {
      why.input("termMonths", termMonths);
    }
    return why.input("rateTerm", rate.term()).result(new Payout(kind, paid, rate.percent(), basis), "rate " + percent(rate) + "%",
            paid.toPlainString(), percent(rate) + "% of " + basisText + " = $" + paid.toPlainString()
                + (kind == IncentiveKind.DISCOUNT ? " discount off list price" : " revenue share"));
  }

  private static String percent(Rate rate) {
    return rate.percent().stripTrailingZeros().toPlainString();
  }

  /** Add-on seats are priced for the rest of the term: seats × unit price × remaining months / term months. */
  public static RuleResult<BigDecimal> addOnProration(ProgramTerms terms, int seats, BigDecimal unitPrice,
      int remainingMonths, int termMonths) {
    Args.required("terms", terms);
    Money.requireNonNegative("unitPrice", unitPrice);
    if (seats < 1) {
      throw new IllegalArgumentException("seats must be at least 1: " + seats);
    }
    if (termMonths < 1 || remainingMonths < 0 || remainingMonths > termMonths) {
      throw new IllegalArgumentException("remainingMonths must be between 0 and termMonths (" + termMonths + "): "
          + remainingMonths);
    }
    BigDecimal price = Money.cents(unitPrice.multiply(new BigDecimal(seats)).multiply(new BigDecimal(remainingMonths))
        .divide(new BigDecimal(termMonths), 10, RoundingMode.HALF_EVEN));
    return Explanation.of("payout.addOnProration", terms).input("seats", seats).input("unitPrice", unitPrice)
        .input("remainingMonths", remainingMonths).input("termMonths", termMonths)
        .result(price, "purchasing guide: add-on seats", price.toPlainString(),
            seats + " seats × $" + unitPrice.toPlainString() + " × " + remainingMonths + "/" + termMonths
                + " months = $" + price.toPlainString());
  }

  /**
   * A customer downgrade (playbook clawback table, seed 001 line 1976: "Customer downgrades → Adjust commission"):
   * the commission {@code paid} on {@code closedAmount} shrinks pro rata — by the share of the contract value given
   * up, {@code (currentAmount − newAmount) / closedAmount}, for the share of the commission period left from
   * {@code effectiveOn} to its end. The period is the initial term from the close ({@code periodMonths}: the term,
   * or 12 for a FIRST_12_MONTHS rate). @return the amount to take back (not negative)
   */
  public static RuleResult<BigDecimal> downgradeAdjustment(ProgramTerms terms, BigDecimal paid,
      BigDecimal closedAmount, BigDecimal currentAmount, BigDecimal newAmount, LocalDate closedOn, int periodMonths,
      LocalDate effectiveOn) {
    Args.required("terms", terms);
    Money.requireNonNegative("paid", paid);
    Money.requireNonNegative("newAmount", newAmount);
    Args.required("closedOn", closedOn);
    Args.required("effectiveOn", effectiveOn);
    if (closedAmount == null || closedAmount.signum() <= 0) {
      throw new IllegalArgumentException("closedAmount must be more than 0");
    }
    if (newAmount.compareTo(currentAmount) >= 0) {
      throw new IllegalArgumentException("newAmount must be less than the current amount " + currentAmount);
    }
    if (periodMonths < 1) {
      throw new IllegalArgumentException("periodMonths must be at least 1: " + periodMonths);
    }
    LocalDate periodEnd = closedOn.plusMonths(periodMonths);
    long periodDays = ChronoUnit.DAYS.between(closedOn, periodEnd);
    long remainingDays = Math.max(0, Math.min(periodDays, ChronoUnit.DAYS.between(effectiveOn, periodEnd)));
    BigDecimal givenUp = currentAmount.subtract(newAmount);
    BigDecimal amount = Money.cents(paid.multiply(givenUp).multiply(new BigDecimal(remainingDays))
        .divide(closedAmount.multiply(new BigDecimal(periodDays)), 10, RoundingMode.HALF_EVEN));
    return Explanation.of("payout.downgradeAdjustment", terms).input("paid", paid).input("closedAmount", closedAmount)
        .input("currentAmount", currentAmount).input("newAmount", newAmount).input("closedOn", closedOn)
        .input("periodMonths", periodMonths).input("effectiveOn", effectiveOn)
        .result(amount, "playbook: customer downgrades → adjust commission", amount.toPlainString(),
            "Downgrade from $" + Money.cents(currentAmount).toPlainString() + " to $"
                + Money.cents(newAmount).toPlainString() + " from " + effectiveOn + ": $" + Money.cents(paid)
                .toPlainString() + " × " + Money.cents(givenUp).toPlainString() + "/"
                + Money.cents(closedAmount).toPlainString() + " × " + remainingDays + "/" + periodDays
                + " days of the commission period left = $" + amount.toPlainString() + " taken back");
  }

  /** Clawback of a paid amount when the customer cancels, by days since close (playbook bands). */
  public static RuleResult<Clawback> clawback(ProgramTerms terms, BigDecimal paidAmount, LocalDate closedOn,
      LocalDate cancelledOn) {
    Args.required("terms", terms);
    Money.requireNonNegative("paidAmount", paidAmount);
    Args.required("closedOn", closedOn);
    Args.required("cancelledOn", cancelledOn);
    long days = ChronoUnit.DAYS.between(closedOn, cancelledOn);
    if (days < 0) {
      throw new IllegalArgumentException("cancelledOn " + cancelledOn + " is before closedOn " + closedOn);
    }
    ClawbackBand band = terms.clawbackBands().get(0);
    int index = 0;
    for (int i = 0; i < terms.clawbackBands().size(); i++) {
      if (terms.clawbackBands().get(i).fromDay() <= days) {
        band = terms.clawbackBands().get(i);
        index = i;
      }
    }
    BigDecimal percent;
    BigDecimal amount;
    if (band.proRated()) {
      int total = terms.clawbackProRataDays();
      percent = new BigDecimal(total - days).multiply(Money.HUNDRED).divide(new BigDecimal(total), 4,
          RoundingMode.HALF_EVEN);
      amount = Money.cents(paidAmount.multiply(new BigDecimal(total - days)).divide(new BigDecimal(total), 10,
          RoundingMode.HALF_EVEN));
    } else {
      percent = band.percent();
      amount = Money.percentOf(paidAmount, band.percent());
    }
    return Explanation.of("payout.clawback", terms).input("paidAmount", paidAmount).input("closedOn", closedOn)
        .input("cancelledOn", cancelledOn).input("daysSinceClose", days)
        .result(new Clawback(amount, percent, days, band.label()), "clawback.bands[" + index + "]",
            amount.toPlainString(), "Cancelled " + days + " days after close (" + band.label() + "): $"
                + amount.toPlainString() + " of $" + Money.cents(paidAmount).toPlainString() + " clawed back");
  }
}
