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
  /** The scheduler's loop: another batch is due. */
  static final String MORE_DUE = "moreDue";

  private final ProcessAdapter processes;

  public TierReviewProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  public String start(String partnerId) {
    return processes.start(KEY, partnerId, Map.of(PARTNER_ID, partnerId));
  }
}
