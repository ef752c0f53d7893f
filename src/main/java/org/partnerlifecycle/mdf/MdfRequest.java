package org.partnerlifecycle.mdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.partnerlifecycle.rules.MdfRules;
import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.rules.Tier;

/** An MDF request as stored, with what it reserves of the partner's funds. */
public record MdfRequest(String id, String partnerId, String activity, MdfUse use, BigDecimal amount,
    LocalDate plannedOn, int expectedLeads, MdfStatus status, Tier tier, int fiscalYear, int fiscalQuarter,
    BigDecimal reservedAmount, boolean leadershipApproval, MdfRules.Refusal refusal, String decisionReason,
    BigDecimal amountLeft, LocalDate lapsesAfter, String termsVersion, String reviewedBy, String approvedBy,
    String requestedBy, Instant createdAt) {

  public String period() {
    return "FY" + fiscalYear + " Q" + fiscalQuarter;
  }
}
