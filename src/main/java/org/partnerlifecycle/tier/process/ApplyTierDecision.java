package org.partnerlifecycle.tier.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: {@code ApplyTierDecision}. */
@Component("applyTierDecision")
class ApplyTierDecision implements JavaDelegate {

  private final TierReviewService reviews;

  ApplyTierDecision(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.apply(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
