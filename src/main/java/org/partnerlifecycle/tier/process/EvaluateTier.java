package org.partnerlifecycle.tier.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: {@code EvaluateTier}. */
@Component("evaluateTier")
public class EvaluateTier implements JavaDelegate {

  private final TierReviewService reviews;

  public EvaluateTier(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TierReviewService.Evaluation evaluation =
        reviews.evaluate(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable("tierWouldChange", evaluation.tierWouldChange());
    if (evaluation.tierWouldChange()) {
      // Only the confirmation forms read these; a kept tier skips them (the review row holds them for auditors).
      execution.setVariable("companyName", evaluation.companyName());
      execution.setVariable("currentTier", evaluation.currentTier());
      execution.setVariable("recommendation", evaluation.recommendation());
      execution.setVariable("recommendedTier", evaluation.recommendedTier());
      execution.setVariable("reviewExplanation", evaluation.explanation());
      execution.setVariable("healthText", evaluation.healthText());
    }
  }
}
