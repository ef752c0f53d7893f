package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.partnerlifecycle.rules.Attribution;
import org.partnerlifecycle.rules.DealType;
import org.partnerlifecycle.rules.IncentiveKind;
import org.partnerlifecycle.rules.LicenseType;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Product;

/** A deal registration as stored. */
public record DealRegistration(
    String id,
    String partnerId,
    String submittedBy,
    String customerName,
    String customerDomain,
    String normalizedDomain,
    Motion motion,
    DealType dealType,
    LicenseType licenseType,
    Product product,
    BigDecimal estimatedValue,
    int termMonths,
    BigDecimal proposedRate,
    DealStatus status,
    boolean conflict,
    String conflictEvidence,
    Attribution attribution,
    IncentiveKind rateKind,
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
    Instant createdAt,
    AddOnSeats addOn,
    BigDecimal currentAmount) {

  /** An ADD_ON registration's seats (null for other deal types). */
  public record AddOnSeats(int seats, BigDecimal unitPrice, int remainingMonths) {
  }
}
