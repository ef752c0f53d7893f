package org.partnerlifecycle.mdf;

import java.util.Set;

/**
 * Where an MDF request stands. Refused at submission (not eligible, beyond the cap or budget), rejected by a
 * reviewer, lapsed at year end or with its claim rejected it holds no funds; the others hold their amount.
 */
public enum MdfStatus {
  REFUSED, IN_REVIEW, AWAITING_LEADERSHIP, APPROVED, REJECTED, CLAIMED, CLAIM_REJECTED, REIMBURSEMENT_DUE, PAID,
  LAPSED;

  /** Requested or approved, not yet spent: counted as reserved. */
  static final Set<MdfStatus> RESERVING = Set.of(IN_REVIEW, AWAITING_LEADERSHIP, APPROVED, CLAIMED);
  /** An approved claim: its receipt amount is spent (claimed), paid or not. */
  static final Set<MdfStatus> CLAIMED_AND_APPROVED = Set.of(REIMBURSEMENT_DUE, PAID);
}
