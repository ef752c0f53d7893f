package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.EXECUTIVE_SPONSOR;
import static org.partnerlifecycle.tier.process.TierReviewProcess.PARTNER_MANAGER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/** tier-review: completion of {@code AssignPartnerManager} after a promotion, checked and recorded as at onboarding. */
@Component("tierManagerAssigned")
class TierManagerAssigned extends CheckedTaskCompletion {

  private final TierReviewService reviews;

  TierManagerAssigned(TierReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    reviews.assignManagement(partnerId, TaskActor.text(task, PARTNER_MANAGER),
        TaskActor.text(task, EXECUTIVE_SPONSOR), TaskActor.of(task));
  }
}
