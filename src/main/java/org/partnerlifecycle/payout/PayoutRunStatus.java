package org.partnerlifecycle.payout;

/**
 * A payout run: REQUESTED until its statements are built and issued, AWAITING_APPROVAL while leadership decides a
 * run from the approval threshold, APPROVED until issued, ISSUED once its statements are issued, REJECTED when
 * leadership rejected it (its statements are voided and their amounts wait for the next month's run).
 */
public enum PayoutRunStatus {
  REQUESTED, AWAITING_APPROVAL, APPROVED, ISSUED, REJECTED
}
