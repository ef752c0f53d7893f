package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's payment for one contract year of a won deal, as finance recorded it, and what it made payable: the
 * contract year's revenue share ({@code ledgerEntryId}, {@code share}) from {@code payableOn}, after the refund
 * holdback.
 */
public record CustomerPayment(String paymentId, String dealId, int contractYear, LocalDate paidOn, BigDecimal amount,
    String recordedBy, Instant recordedAt, long ledgerEntryId, BigDecimal share, LocalDate payableOn,
    String explanation) {
}
