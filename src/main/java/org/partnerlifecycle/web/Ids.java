package org.partnerlifecycle.web;

import java.util.UUID;

/** The ids the API hands out: a prefix naming the kind (P- partner, D- deal, O- opportunity, L- lead, W- warning). */
public final class Ids {

  private Ids() {
  }

  /** {@code prefix} and 12 random upper-case hex digits, such as {@code P-1A2B3C4D5E6F}. */
  public static String next(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 13).replace("-", "").toUpperCase();
  }
}
