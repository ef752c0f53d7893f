package org.partnerlifecycle.mdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.partnerlifecycle.rules.MdfRules;
import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.rules.Tier;

/** What the MDF endpoints answer. */
public final class MdfViews {

  private MdfViews() {
  }

  /** A request with its decisions, claim and reimbursement ({@code GET /api/mdf-requests/{id}}). */
  public record RequestView(String requestId, String partnerId, MdfStatus status, String activity, MdfUse use,
      BigDecimal amount, LocalDate plannedOn, int expectedLeads, Tier tier, String period, BigDecimal reserved,
      boolean leadershipApproval, MdfRules.Refusal refusal, String reason, BigDecimal amountLeft,
      LocalDate lapsesAfter, String termsVersion, Instant createdAt, List<Step> decisions, Claim claim,
      Reimbursement reimbursement) {
  }

  /** One step of a request: who did what, when, why. */
  public record Step(String action, String by, BigDecimal amount, String note, Instant at) {
  }

  public record Claim(BigDecimal receiptAmount, int leadsGenerated, BigDecimal pipelineValue, String evidenceNote,
      Instant claimedAt, String decision, String reason, Instant decidedAt) {
  }

  /** {@code status}: PAYABLE until finance records the payment, then PAID. */
  public record Reimbursement(String requestId, BigDecimal amount, LocalDate approvedOn, LocalDate dueOn,
      String status, LocalDate paidOn, String reference, String termsVersion) {
  }

  /** A partner's funds ({@code GET /api/partners/{id}/mdf}). */
  public record Funds(String partnerId, Tier tier, boolean eligible, String explanation, String termsVersion,
      PeriodFunds quarter, PeriodFunds year, List<Reimbursement> reimbursements) {
  }

  /** One quarter or fiscal year: its budget, what requests reserve, approved claims, paid, and what remains. */
  public record PeriodFunds(String period, LocalDate from, LocalDate to, BigDecimal budget, BigDecimal reserved,
      BigDecimal claimed, BigDecimal paid, BigDecimal remaining) {
  }

  /** MDF ROI of claims approved in a period ({@code GET /api/program/mdf-roi}). */
  public record Roi(LocalDate from, LocalDate to, long approvedClaims, BigDecimal spent, BigDecimal paid,
      long leadsGenerated, BigDecimal pipelineValue, BigDecimal costPerLead, BigDecimal pipelinePerDollar,
      List<TierRoi> byTier) {
  }

  public record TierRoi(Tier tier, long approvedClaims, BigDecimal spent, BigDecimal paid, long leadsGenerated,
      BigDecimal pipelineValue, BigDecimal costPerLead, BigDecimal pipelinePerDollar) {
  }
}
