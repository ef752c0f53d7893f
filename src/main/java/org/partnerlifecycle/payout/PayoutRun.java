package org.partnerlifecycle.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One monthly payout run and its totals: what was payable, the clawbacks netted, what went on statements and what
 * was carried forward ({@code payableTotal + clawbackTotal = statementTotal + carriedForward}).
 */
public record PayoutRun(String runId, String period, LocalDate statementDate, PayoutRunStatus status,
    String requestedBy, BigDecimal payableTotal, BigDecimal clawbackTotal, BigDecimal statementTotal,
    BigDecimal carriedForward, Integer statementCount, Integer carriedCount, Boolean needsApproval, String decidedBy,
    String decisionReason, String processInstanceId, Instant createdAt) {
}
