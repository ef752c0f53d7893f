package org.partnerlifecycle.tier.process;

import java.util.Map;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/tier-review.bpmn} (and of {@code tier-review-scheduler.bpmn}, which starts
 * reviews in batches): keys and the variables the services and delegates read and write (the BPMN and forms name
 * the same). A review's business key is the partner id.
 */
@Component
public class TierReviewProcess {

  public static final String KEY = "tier-review";
  public static final String SCHEDULER_KEY = "tier-review-scheduler";

  /** Set at the start. */
  static final String PARTNER_ID = "partnerId";
  /** Set by EvaluateTier; the confirmation forms show them when the tier would change. */
  static final String TIER_WOULD_CHANGE = "tierWouldChange";
  static final String COMPANY_NAME = "companyName";
  static final String CURRENT_TIER = "currentTier";
  static final String RECOMMENDATION = "recommendation";
  static final String RECOMMENDED_TIER = "recommendedTier";
  static final String REVIEW_EXPLANATION = "reviewExplanation";
  static final String HEALTH_TEXT = "healthText";
  /** The confirmation form's fields, and what its listener sets for the leadership gateway. */
  public static final String TIER_DECISION = "tierDecision";
  public static final String OVERRIDE_TIER = "overrideTier";
  public static final String TIER_REASON = "tierReason";
  static final String DECIDED_TIER = "decidedTier";
  static final String NEEDS_LEADERSHIP = "needsLeadership";
  /** The leadership approval form's fields. */
  public static final String LEADERSHIP_DECISION = "leadershipDecision";
  public static final String LEADERSHIP_REASON = "leadershipReason";
  /** A manual placement change (POST /api/partners/{id}/tier-changes), set at the start. */
  static final String MANUAL_TIER = "manualTier";
  static final String MANUAL_REASON = "manualReason";
  static final String PROPOSED_BY = "proposedBy";
  /** Set by EvaluateTier: nothing recorded for the trailing 12 months (RecordCommitments first); a manual change. */
  static final String COMMITMENTS_MISSING = "commitmentsMissing";
  static final String MANUAL = "manual";
  /** RecordCommitments' form fields (as the commitments API's body). */
  public static final String PERIOD_START = "periodStart";
  public static final String PERIOD_END = "periodEnd";
  public static final String MANAGEMENT_MEETINGS = "managementMeetingsHeld";
  public static final String CEO_MEETINGS = "ceoMeetingsHeld";
  public static final String C_SUITE_MEETINGS = "cSuiteMeetingsHeld";
  public static final String ENABLEMENT_SESSIONS = "enablementSessionsHeld";
  public static final String CERTIFIED_PERCENT = "certifiedFieldPercent";
  public static final String BUSINESS_PLAN = "businessPlanAgreed";
  public static final String QUOTA_RELIEF = "commissionQuotaRelief";
  public static final String EVENT_PRESENCE = "salesEventPresence";
  public static final String NPS = "nps";
  public static final String STRATEGIC_FIT = "strategicFit";
  /** Set by ApplyTierDecision: a promotion whose partner lacks a manager (or sponsor); AssignPartnerManager's form. */
  static final String NEEDS_MANAGER = "needsManager";
  static final String TIER = "tier";
  static final String MOTION = "motion";
  static final String PARTNER_MANAGER = "partnerManager";
  static final String EXECUTIVE_SPONSOR = "executiveSponsor";
  /** The scheduler's loop: another batch is due. */
  static final String MORE_DUE = "moreDue";

  private final ProcessAdapter processes;

  public TierReviewProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  public String start(String partnerId) {
    return processes.start(KEY, partnerId, Map.of(PARTNER_ID, partnerId));
  }

  /** A review in manual mode: the manager's placement change, decided by its proposer, approved as SPEC §3 says. */
  public String startManual(String partnerId, String tier, String reason, String proposedBy) {
    return processes.start(KEY, partnerId, Map.of(PARTNER_ID, partnerId, MANUAL_TIER, tier, MANUAL_REASON, reason,
        PROPOSED_BY, proposedBy));
  }
}
