package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.LEADERSHIP_DECISION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.LEADERSHIP_REASON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: completion of {@code ApproveTierChange}, checked and recorded. */
@Component("tierChangeApproved")
class TierChangeApproved extends CheckedTaskCompletion {

  private final TierReviewService reviews;

  TierChangeApproved(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    reviews.approve(partnerId, task.getProcessInstanceId(), TaskActor.text(task, LEADERSHIP_DECISION),
        TaskActor.text(task, LEADERSHIP_REASON), TaskActor.of(task));
  }
}
