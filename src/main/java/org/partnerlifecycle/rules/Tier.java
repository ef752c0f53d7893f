package org.partnerlifecycle.rules;

/** Partner tiers, lowest first: FOUNDATION < GROWTH < STRATEGIC. */
public enum Tier {
  FOUNDATION, GROWTH, STRATEGIC;

  /** The next tier up, or this one at the top. */
  public Tier higher() {
    return this == STRATEGIC ? STRATEGIC : values()[ordinal() + 1];
  }

  /** The next tier down, or this one at the bottom. */
  public Tier lower() {
    return this == FOUNDATION ? FOUNDATION : values()[ordinal() - 1];
  }

  public static Tier min(Tier a, Tier b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }

  public boolean isBelow(Tier other) {
    return ordinal() < other.ordinal();
  }
}
