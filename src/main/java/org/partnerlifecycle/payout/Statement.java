package org.partnerlifecycle.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's statement: payable revenue share less the clawbacks netted against it ({@code total}), including
 * {@code carriedForward}, what the previous run carried forward for the partner (its entries come back here).
 */
public record Statement(String statementId, String runId, String partnerId, String companyName, LocalDate date,
    LocalDate dueDate, StatementStatus status, BigDecimal payable, BigDecimal clawbacks, BigDecimal total,
    BigDecimal carriedForward, String explanation, String termsVersion, Instant issuedAt, LocalDate paidOn,
    String paymentReference, String paidRecordedBy) {
}
