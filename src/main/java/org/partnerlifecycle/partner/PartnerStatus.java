package org.partnerlifecycle.partner;

/** SPEC §4 partner statuses. */
public enum PartnerStatus {
  APPLIED, AWAITING_AGREEMENT, ONBOARDING, ACTIVE, REJECTED, LAPSED, REMOVED
}
