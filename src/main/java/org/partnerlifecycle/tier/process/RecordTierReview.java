package org.partnerlifecycle.tier.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: {@code RecordTierReview}. */
@Component("recordTierReview")
class RecordTierReview implements JavaDelegate {

  private final TierReviewService reviews;

  RecordTierReview(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.recordKept(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
