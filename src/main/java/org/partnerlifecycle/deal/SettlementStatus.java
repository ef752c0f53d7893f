package org.partnerlifecycle.deal;

/**
 * Where a ledger entry stands in its payment lifecycle (SPEC §2 "Paying partners"). A revenue share is ACCRUED at
 * close, PAYABLE once its contract year's customer payment is recorded and the refund holdback has passed (derived
 * from the date: a run or a reader evaluates it against its own date), ON_STATEMENT, then PAID; CANCELLED when the
 * customer cancelled before it was payable. A clawback or adjustment is OPEN until a statement nets it.
 */
public enum SettlementStatus {
  ACCRUED, PAYABLE, ON_STATEMENT, PAID, CANCELLED, OPEN
}
