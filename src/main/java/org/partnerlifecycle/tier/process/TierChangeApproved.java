package org.partnerlifecycle.tier.process;

import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: completion of {@code ApproveTierChange}, checked and recorded. */
@Component("tierChangeApproved")
public class TierChangeApproved extends CheckedTaskCompletion {

  private final TierReviewService reviews;

  public TierChangeApproved(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    reviews.approve(partnerId, task.getProcessInstanceId(), TaskActor.text(task, "leadershipDecision"),
        TaskActor.text(task, "leadershipReason"), TaskActor.of(task));
  }
}
