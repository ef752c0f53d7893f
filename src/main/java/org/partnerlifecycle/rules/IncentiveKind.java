package org.partnerlifecycle.rules;

/** What an incentive cell pays: cash revenue share, a discount off list price, or nothing. */
public enum IncentiveKind {
  REVENUE_SHARE, DISCOUNT, NONE
}
