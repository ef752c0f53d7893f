package org.partnerlifecycle.lead;

/**
 * Where a lead stands: NEW until routed, then OFFERED to a partner, UNASSIGNED (no eligible partner), HELD for staff
 * (the customer is protected by a partner's live registration and that partner cannot take the lead) or ACCEPTED.
 */
public enum LeadStatus {
  NEW, OFFERED, UNASSIGNED, HELD, ACCEPTED
}
