package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.COMPANY_NAME;
import static org.partnerlifecycle.tier.process.TierReviewProcess.CURRENT_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.HEALTH_TEXT;
import static org.partnerlifecycle.tier.process.TierReviewProcess.RECOMMENDATION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.RECOMMENDED_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.REVIEW_EXPLANATION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_WOULD_CHANGE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: {@code EvaluateTier}. */
@Component("evaluateTier")
class EvaluateTier implements JavaDelegate {

  private final TierReviewService reviews;

  EvaluateTier(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TierReviewService.Evaluation evaluation =
        reviews.evaluate(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable(TIER_WOULD_CHANGE, evaluation.tierWouldChange());
    if (evaluation.tierWouldChange()) {
      // Only the confirmation forms read these; a kept tier skips them (the review row holds them for auditors).
      execution.setVariable(COMPANY_NAME, evaluation.companyName());
      execution.setVariable(CURRENT_TIER, evaluation.currentTier());
      execution.setVariable(RECOMMENDATION, evaluation.recommendation());
      execution.setVariable(RECOMMENDED_TIER, evaluation.recommendedTier());
      execution.setVariable(REVIEW_EXPLANATION, evaluation.explanation());
      execution.setVariable(HEALTH_TEXT, evaluation.healthText());
    }
  }
}
