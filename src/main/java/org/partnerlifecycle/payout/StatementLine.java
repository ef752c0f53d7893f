package org.partnerlifecycle.payout;

import java.math.BigDecimal;

/**
 * One line of a statement, traced to its deal, its ledger entry, the rule result that computed the amount (the
 * contract-year split, the clawback or the adjustment) and the terms version.
 */
public record StatementLine(int line, String dealId, String customerName, long ledgerEntryId, String kind,
    Integer contractYear, BigDecimal amount, String termsVersion, Long ruleResultId, String rule,
    String explanation) {
}
