package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.EXTENSION_DECISION;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.EXTENSION_REASON;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PROTECTION_ENDS_AT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.deal.DealReviewService;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.springframework.stereotype.Component;

/** deal-registration: completion of {@code ReviewExtensionRequest}, checked and recorded. */
@Component("extensionReviewed")
class ExtensionReviewed extends CheckedTaskCompletion {

  private final DealReviewService reviews;

  ExtensionReviewed(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String dealId) {
    task.setVariable(PROTECTION_ENDS_AT, Date.from(reviews.recordExtensionDecision(dealId,
        TaskActor.text(task, EXTENSION_DECISION), TaskActor.text(task, EXTENSION_REASON))));
  }
}
