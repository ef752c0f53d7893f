package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.time.Instant;

/** One booking in a partner's ledger: kind REVENUE_SHARE, DISCOUNT or CLAWBACK (negative). */
public record LedgerEntry(long id, String partnerId, String dealId, String kind, BigDecimal amount, BigDecimal rate,
    BigDecimal basis, String termsVersion, String explanation, Instant bookedAt) {
}
