package org.partnerlifecycle.lead;

/** Where a lead stands: NEW until routed, then OFFERED to a partner, UNASSIGNED (no eligible partner) or ACCEPTED. */
public enum LeadStatus {
  NEW, OFFERED, UNASSIGNED, ACCEPTED
}
