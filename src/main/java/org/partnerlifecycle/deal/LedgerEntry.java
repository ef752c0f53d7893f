package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One booking in a partner's ledger: kind REVENUE_SHARE (one per contract year), DISCOUNT, CLAWBACK or ADJUSTMENT
 * (negative) of a deal, or MDF_REIMBURSEMENT of an MDF request ({@code dealId} null), with where it stands in its
 * payment lifecycle ({@link SettlementStatus}; null for a discount, which is never paid out): the contract year, the
 * date the customer paid for that year, the date it is payable from after the refund holdback, and the statement it
 * went on (never for an MDF reimbursement, which finance pays by its own due date).
 */
public record LedgerEntry(long id, String partnerId, String dealId, String kind, BigDecimal amount, BigDecimal rate,
    BigDecimal basis, String termsVersion, String explanation, Instant bookedAt, Integer contractYear,
    SettlementStatus status, LocalDate customerPaidOn, LocalDate payableOn, String statementId, String mdfRequestId) {
}
