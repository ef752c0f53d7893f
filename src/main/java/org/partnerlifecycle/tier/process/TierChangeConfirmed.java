package org.partnerlifecycle.tier.process;

import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: completion of {@code ConfirmTierChange}, checked and recorded. */
@Component("tierChangeConfirmed")
public class TierChangeConfirmed extends CheckedTaskCompletion {

  private final TierReviewService reviews;

  public TierChangeConfirmed(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    TierReviewService.Confirmation confirmation = reviews.confirm(partnerId, task.getProcessInstanceId(),
        TaskActor.text(task, "tierDecision"), TaskActor.text(task, "overrideTier"), TaskActor.text(task, "tierReason"),
        TaskActor.of(task));
    task.setVariable("decidedTier", confirmation.decidedTier());
    task.setVariable("needsLeadership", confirmation.needsLeadership());
  }
}
