package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.APPROVED_RATE;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_DECISION;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_REASON;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_REJECTED;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.deal.DealReviewService;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.springframework.stereotype.Component;

/** deal-registration: completion of {@code ApproveNegotiatedRate}, checked and recorded. */
@Component("negotiatedRateDecided")
class NegotiatedRateDecided extends CheckedTaskCompletion {

  private final DealReviewService reviews;

  NegotiatedRateDecided(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String dealId) {
    boolean rejected = reviews.recordRateDecision(dealId, TaskActor.text(task, RATE_DECISION), TaskActor.decimal(task, APPROVED_RATE),
        TaskActor.text(task, RATE_REASON), TaskActor.of(task), task.getProcessInstanceId());
    task.setVariable(RATE_REJECTED, rejected);
  }
}
