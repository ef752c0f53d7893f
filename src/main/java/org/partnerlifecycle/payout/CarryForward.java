package org.partnerlifecycle.payout;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A partner's net in a run that made no statement (under the minimum payout, or negative): carried forward. */
public record CarryForward(String runId, String partnerId, LocalDate statementDate, BigDecimal payable,
    BigDecimal clawbacks, BigDecimal amount, String explanation) {
}
