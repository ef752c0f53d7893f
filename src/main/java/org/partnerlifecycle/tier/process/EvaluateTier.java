package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.COMMITMENTS_MISSING;
import static org.partnerlifecycle.tier.process.TierReviewProcess.COMPANY_NAME;
import static org.partnerlifecycle.tier.process.TierReviewProcess.CURRENT_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.DECIDED_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.HEALTH_TEXT;
import static org.partnerlifecycle.tier.process.TierReviewProcess.MANUAL;
import static org.partnerlifecycle.tier.process.TierReviewProcess.MANUAL_REASON;
import static org.partnerlifecycle.tier.process.TierReviewProcess.MANUAL_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.NEEDS_LEADERSHIP;
import static org.partnerlifecycle.tier.process.TierReviewProcess.PROPOSED_BY;
import static org.partnerlifecycle.tier.process.TierReviewProcess.RECOMMENDATION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.RECOMMENDED_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.REVIEW_EXPLANATION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_REASON;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_WOULD_CHANGE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/**
 * tier-review: {@code EvaluateTier} (again after RecordCommitments when nothing was recorded). The gateways right
 * after it read its flags in the same transaction, so they are transient (neither stored nor in the history): a kept
 * tier, most reviews, stores no variable at all. The review row and the rule results hold what was decided and why;
 * what a task or a later gateway reads is stored only on the way to a task.
 */
@Component("evaluateTier")
class EvaluateTier implements JavaDelegate {

  private final TierReviewService reviews;

  EvaluateTier(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object manualTier = execution.getVariable(MANUAL_TIER);
    TierReviewService.ManualChange manual = manualTier == null ? null : new TierReviewService.ManualChange(
        Tier.valueOf(manualTier.toString()), (String) execution.getVariable(MANUAL_REASON),
        (String) execution.getVariable(PROPOSED_BY));
    TierReviewService.Evaluation evaluation =
        reviews.evaluate(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), manual);
    execution.setVariable(COMMITMENTS_MISSING, transientFlag(evaluation.commitmentsMissing()));
    if (evaluation.commitmentsMissing() || evaluation.tierWouldChange()) {
      execution.setVariable(COMPANY_NAME, evaluation.companyName()); // the tasks' names
    }
    if (evaluation.commitmentsMissing()) {
      return;
    }
    execution.setVariable(TIER_WOULD_CHANGE, transientFlag(evaluation.tierWouldChange()));
    execution.setVariable(MANUAL, transientFlag(evaluation.manual()));
    // Read at once on the manual path; ConfirmTierChange sets its own after the manager's decision.
    execution.setVariable(NEEDS_LEADERSHIP, transientFlag(evaluation.needsLeadership()));
    if (evaluation.tierWouldChange()) {
      // Only the confirmation forms read these; a kept tier skips them (the review row holds them for auditors).
      execution.setVariable(CURRENT_TIER, evaluation.currentTier().name());
      execution.setVariable(RECOMMENDATION, evaluation.recommendation().name());
      execution.setVariable(RECOMMENDED_TIER, evaluation.recommendedTier().name());
      execution.setVariable(REVIEW_EXPLANATION, evaluation.explanation());
      execution.setVariable(HEALTH_TEXT, evaluation.healthText());
    }
    if (manual != null) {
      // Leadership's approval form shows the proposer's tier and reason as it shows a confirmed one's.
      execution.setVariable(DECIDED_TIER, manual.tier().name());
      execution.setVariable(TIER_REASON, manual.reason());
    }
  }

  private static BooleanValue transientFlag(boolean value) {
    return Variables.booleanValue(value, true);
  }
}
