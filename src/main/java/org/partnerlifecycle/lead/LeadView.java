package org.partnerlifecycle.lead;

import java.time.Instant;

/**
 * One line of {@code GET /api/leads}. For staff {@code status} is the lead's ({@link LeadStatus}); for a partner it
 * is the outcome of the offer made to it ({@link OfferOutcome}), and {@code offerExpiresAt} is when an open offer
 * lapses (accept or decline before then with {@code POST /api/leads/{leadId}/accept} or {@code /decline}).
 */
public record LeadView(String leadId, String companyName, String customerDomain, String region, String category,
    String status, String assignedPartnerId, Instant offeredAt, Instant offerExpiresAt, Instant createdAt) {
}
