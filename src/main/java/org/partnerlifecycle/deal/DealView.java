package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code GET /api/deal-registrations/{id}}. {@code seats}, {@code unitPrice} and {@code remainingMonths} for an
 * ADD_ON; {@code currentAmount} is the closed amount after downgrades. {@code conflictEvidence} names other partners' registrations and direct
 * pipeline: staff only (null for the partner).
 */
public record DealView(String dealId, String partnerId, String status, String customerName, String customerDomain,
    String motion, String dealType, String licenseType, String product, BigDecimal estimatedValue, int termMonths,
    String attribution, boolean conflict, String conflictEvidence, Rate rate, Instant protectionEndsAt,
    boolean extensionUsed, String reason, String termsVersion, LocalDate closedOn, BigDecimal closedAmount,
    Integer seats, BigDecimal unitPrice, Integer remainingMonths, BigDecimal currentAmount) {

  public record Rate(String kind, BigDecimal percent, BigDecimal standardPercent, boolean negotiated,
      String proposedBy, String approvedBy, Instant lockedAt) {
  }

  static DealView of(DealRegistration d, boolean forStaff) {
    return new DealView(d.id(), d.partnerId(), d.status().name(), d.customerName(), d.customerDomain(),
        d.motion().name(), d.dealType().name(), d.licenseType().name(), d.product().name(), d.estimatedValue(),
        d.termMonths(), name(d.attribution()), d.conflict(), forStaff ? d.conflictEvidence() : null,
        new Rate(name(d.rateKind()), d.ratePercent(), d.standardPercent(), d.rateNegotiated(),
            forStaff ? d.rateProposedBy() : null, d.rateApprovedBy(), d.rateLockedAt()),
        d.protectionEndsAt(), d.extensionUsed(), d.reason(), d.termsVersion(), d.closedOn(), d.closedAmount(),
        d.addOn() == null ? null : d.addOn().seats(), d.addOn() == null ? null : d.addOn().unitPrice(),
        d.addOn() == null ? null : d.addOn().remainingMonths(),
        d.currentAmount() != null ? d.currentAmount() : d.closedAmount());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
