package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.DECIDED_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.NEEDS_LEADERSHIP;
import static org.partnerlifecycle.tier.process.TierReviewProcess.OVERRIDE_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_DECISION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_REASON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: completion of {@code ConfirmTierChange}, checked and recorded. */
@Component("tierChangeConfirmed")
class TierChangeConfirmed extends CheckedTaskCompletion {

  private final TierReviewService reviews;

  TierChangeConfirmed(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    TierReviewService.Confirmation confirmation = reviews.confirm(partnerId, task.getProcessInstanceId(),
        TaskActor.text(task, TIER_DECISION), TaskActor.text(task, OVERRIDE_TIER), TaskActor.text(task, TIER_REASON),
        TaskActor.of(task));
    task.setVariable(DECIDED_TIER, confirmation.decidedTier());
    task.setVariable(NEEDS_LEADERSHIP, confirmation.needsLeadership());
  }
}
