package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of the program terms, as validated data (see {@code terms/*.json}). Immutable; read by the rules.
 */
public record ProgramTerms(
    String version,
    LocalDate effectiveFrom,
    Map<Motion, Map<Tier, BigDecimal>> revenueThresholds,
    Map<Tier, Set<Motion>> motionsByTier,
    Map<String, Map<Motion, Map<Tier, IncentiveCell>>> incentives,
    Map<Motion, Map<Tier, Set<Product>>> products,
    Map<Product, String> productNotes,
    Map<Tier, List<LaunchMethod>> launchMethods,
    Map<Motion, Map<Tier, List<IntegrationType>>> integrationTypes,
    Map<Motion, String> integrationTypeNotes,
    Map<Tier, IntegrationSupport> integrationSupport,
    Map<Tier, List<String>> benefits,
    Map<Tier, ParticipationStandard> participationStandards,
    Map<Attribution, BigDecimal> attributionPercent,
    DealRegistrationTerms dealRegistration,
    List<ClawbackBand> clawbackBands,
    int clawbackProRataDays,
    Map<Tier, Integer> graceQuarters,
    Map<Tier, Integer> reviewCadenceMonths,
    int warningCurePeriodDays,
    HealthTerms health,
    int volumeLicenceMonths,
    LeadRoutingTerms leadRouting,
    Map<Attribution, BigDecimal> qualificationCreditPercent,
    PayoutTerms payouts,
    EngagementTerms engagement,
    MdfTerms mdf) {

  /** The incentive tables are keyed NEW and RENEWAL, as in the guide. */
  public static final String NEW = "NEW";
  public static final String RENEWAL = "RENEWAL";

  /** One cell of an incentive table. {@code percent} is null where the cell is negotiated without a figure (OEM). */
  public record IncentiveCell(String kind, BigDecimal percent, boolean negotiated, String term, String label) {

    public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";

    public boolean eligible() {
      return !NOT_ELIGIBLE.equals(kind);
    }
  }

  public record IntegrationSupport(List<String> support, String projectManagement, int roadmapAlignmentMonths) {
  }

  /**
   * Yearly participation commitments of a tier (program guide §9, seed 000 lines 221-222), including "Commission
   * and quota relief for field teams" (GROWTH, STRATEGIC) and "OpenSesame presence at your sales kickoff, user
   * conference and trade shows" (STRATEGIC) from terms 2026-12-01 on.
   */
  public record ParticipationStandard(int managementMeetingsPerYear, int ceoMeetingsPerYear,
      int cSuiteMeetingsPerYear, int enablementSessionsPerYear, int certifiedFieldPercent,
      boolean businessPlanRequired, boolean commissionQuotaReliefRequired, boolean salesEventPresenceRequired,
      String label) {
  }

  public record DealRegistrationTerms(int reviewSlaHours, int protectionDays, int extensionDays, int maxExtensions) {
  }

  /** From {@code fromDay} after close until the next band: a fixed percent, or pro-rated. */
  public record ClawbackBand(int fromDay, BigDecimal percent, boolean proRated, String label) {
  }

  /**
   * The playbook's health score: a weight per factor (adding up to 100), the points its indicators earn within
   * that weight (e.g. REVENUE "growing20PlusPercent" 30 of 30), and the bands, highest first.
   */
  public record HealthTerms(Map<HealthFactor, Integer> weights,
      Map<HealthFactor, Map<String, Integer>> indicatorPoints, List<HealthBand> bands) {
  }

  /** The published lead allocation rule (seed 002 items 3–7): tier weights, lookback window, acceptance window. */
  public record LeadRoutingTerms(String rule, Map<Tier, Integer> tierWeights, int lookbackDays, int acceptanceHours) {
  }

  public record HealthBand(String name, int min) {
  }

  /**
   * Paying partners (playbook seed 001: "Paid monthly, $50 minimum payout" line 325, "30-day refund holdback" line
   * 345, "Net 30 from invoice" line 1849): the refund holdback after a customer payment, the minimum statement, the
   * statement's payment term, the run total from which leadership approves, and the length of a contract year.
   */
  public record PayoutTerms(int refundHoldbackDays, BigDecimal minimumPayout, int statementNetDays,
      BigDecimal leadershipApprovalFrom, int contractYearMonths) {
  }

  /**
   * The engagement cadence per tier (guide "Engagement Standards", seed 000 line 136: bi-weekly / weekly recurring
   * meetings with the SPM, bi-annual / quarterly business reviews; 0 = none) and the QBR framework's deadlines
   * (playbook, seed 001 lines 1612-1618: notes within 48 hours). A business review opens {@code reviewDueDays}
   * before its due date. Roadmap alignment follows {@link IntegrationSupport#roadmapAlignmentMonths()}.
   */
  public record EngagementTerms(Map<Tier, Integer> spmMeetingEveryDays, Map<Tier, Integer> businessReviewEveryMonths,
      int reviewDueDays, int notesDueHours) {
  }

  /**
   * Market development funds (playbook "MDF Allocation by Tier" and "MDF Best Practices", seed 001 lines 1901-1916):
   * the annual budget and quarterly cap by tier (0: not eligible), the amount from which leadership approves as
   * well, the allowed uses, reimbursement Net days from the claim's approval and the fiscal year's last day.
   */
  public record MdfTerms(Map<Tier, BigDecimal> annualBudget, Map<Tier, BigDecimal> quarterlyCap,
      BigDecimal leadershipApprovalFrom, Set<MdfUse> allowedUses, int reimbursementNetDays,
      java.time.MonthDay fiscalYearEnd) {

    public boolean eligible(Tier tier) {
      return annualBudget.get(tier).signum() > 0;
    }

    public List<Tier> eligibleTiers() {
      return java.util.Arrays.stream(Tier.values()).filter(this::eligible).toList();
    }
  }
}
