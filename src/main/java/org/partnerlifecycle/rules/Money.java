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

  static BigDecimal requireNonNegative(String name, BigDecimal value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
    }
    return value;
  }
}
