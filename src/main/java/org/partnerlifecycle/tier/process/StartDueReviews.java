package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.MORE_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.tier.TierReviewScheduler;
import org.springframework.stereotype.Component;

/** tier-review-scheduler: {@code StartDueReviews}. */
@Component("startDueReviews")
class StartDueReviews implements JavaDelegate {

  private final TierReviewScheduler scheduler;

  StartDueReviews(TierReviewScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int started = scheduler.startDueReviews(TierReviewScheduler.BATCH_SIZE);
    execution.setVariable(MORE_DUE, started == TierReviewScheduler.BATCH_SIZE);
  }
}
