package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.DECISION;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PROPOSED_RATE;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PROPOSED_RATE_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_NEEDS_APPROVAL;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_PROPOSED_BY;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_PROPOSED_BY_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.REASON;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.REVIEWED_BY;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.USE_STANDARD_RATE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.deal.DealReviewService;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.FormText;
import org.partnerlifecycle.engine.TaskActor;
import org.springframework.stereotype.Component;

/** deal-registration: completion of {@code ReviewDealRegistration}, checked and recorded. */
@Component("dealReviewed")
class DealReviewed extends CheckedTaskCompletion {

  private final DealReviewService reviews;

  DealReviewed(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String dealId) {
    boolean toLeadership = reviews.recordReview(dealId, TaskActor.text(task, DECISION),
        TaskActor.text(task, REASON), TaskActor.decimal(task, PROPOSED_RATE),
        Boolean.TRUE.equals(task.getVariable(USE_STANDARD_RATE)), TaskActor.of(task), task.getProcessInstanceId());
    task.setVariable(RATE_NEEDS_APPROVAL, toLeadership);
    task.setVariable(REVIEWED_BY, TaskActor.of(task));
    task.setVariable(RATE_PROPOSED_BY, reviews.rateProposer(dealId));
    task.setVariable(RATE_PROPOSED_BY_TEXT, reviews.rateProposerText(dealId));
    // The rate leadership decides on, also when the partner proposed it with the submission (display only).
    java.math.BigDecimal proposed = reviews.proposedRate(dealId);
    task.setVariable(PROPOSED_RATE, proposed == null ? null : proposed.doubleValue());
    task.setVariable(PROPOSED_RATE_TEXT, proposed == null ? "None: the table's figure" : FormText.percent(proposed));
  }
}
