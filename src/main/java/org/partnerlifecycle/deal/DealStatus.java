package org.partnerlifecycle.deal;

import java.util.Set;

/** SPEC §4 deal statuses. */
public enum DealStatus {
  SUBMITTED, IN_REVIEW, AWAITING_RATE_APPROVAL, APPROVED, REJECTED, EXPIRED, WON, LOST, CANCELLED;

  /** Registrations that still claim their customer: a new one for the same customer is a conflict. */
  public static final Set<DealStatus> LIVE = Set.of(SUBMITTED, IN_REVIEW, AWAITING_RATE_APPROVAL, APPROVED);
}
