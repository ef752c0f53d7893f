package org.partnerlifecycle.lead;

/** What came of one offer of a lead to one partner: OFFERED (open), then ACCEPTED, DECLINED or TIMED_OUT. */
public enum OfferOutcome {
  OFFERED, ACCEPTED, DECLINED, TIMED_OUT
}
