package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A deal registration as stored. */
public record DealRegistration(
    String id,
    String partnerId,
    String submittedBy,
    String customerName,
    String customerDomain,
    String normalizedDomain,
    String motion,
    String dealType,
    String licenseType,
    String product,
    BigDecimal estimatedValue,
    int termMonths,
    BigDecimal proposedRate,
    DealStatus status,
    boolean conflict,
    String conflictEvidence,
    String attribution,
    String rateKind,
    BigDecimal standardPercent,
    BigDecimal ratePercent,
    boolean rateNegotiated,
    String rateTerm,
    String rateProposedBy,
    String rateApprovedBy,
    Instant rateLockedAt,
    String termsVersion,
    Instant protectionEndsAt,
    boolean extensionUsed,
    Instant escalatedAt,
    String reviewedBy,
    String reason,
    BigDecimal closedAmount,
    LocalDate closedOn,
    LocalDate cancelledOn,
    Instant createdAt) {
}
