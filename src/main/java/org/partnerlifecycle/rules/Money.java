package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts: BigDecimal, half-even to cents. No floating point anywhere in money. */
public final class Money {

  public static final BigDecimal HUNDRED = new BigDecimal("100");

  private Money() {
  }

  public static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** {@code amount × percent / 100}, to cents. */
  public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
    return cents(amount.multiply(percent).divide(HUNDRED));
  }

  /**
   * A percent without trailing zeros but never in exponent form: 7.50 → 7.5, 10.00 → 10 (not 1E+1, which JSON and
   * {@code toString()} would show).
   */
  public static BigDecimal plainPercent(BigDecimal percent) {
    BigDecimal stripped = percent.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** As people read it: {@code $1,234.00}, {@code -$40.00}. */
  public static String usd(BigDecimal amount) {
    BigDecimal cents = cents(amount);
    return (cents.signum() < 0 ? "-$" : "$") + String.format(java.util.Locale.ROOT, "%,.2f", cents.abs());
  }

  static BigDecimal requireNonNegative(String name, BigDecimal value) {
    Args.required(name, value);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
    }
    return value;
  }
}
