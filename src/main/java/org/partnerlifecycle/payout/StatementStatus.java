package org.partnerlifecycle.payout;

/** A statement: DRAFT while its run awaits approval, ISSUED (due Net 30), PAID, or VOIDED with a rejected run. */
public enum StatementStatus {
  DRAFT, ISSUED, PAID, VOIDED
}
