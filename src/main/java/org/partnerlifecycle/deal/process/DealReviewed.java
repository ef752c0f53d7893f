package org.partnerlifecycle.deal.process;

import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.deal.DealReviewService;
import org.springframework.stereotype.Component;

/** deal-registration: completion of {@code ReviewDealRegistration}, checked and recorded. */
@Component("dealReviewed")
public class DealReviewed extends CheckedTaskCompletion {

  private final DealReviewService reviews;

  public DealReviewed(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  protected void record(DelegateTask task, String dealId) {
    boolean toLeadership = reviews.recordReview(dealId, TaskActor.text(task, "decision"),
        TaskActor.text(task, "reason"), TaskActor.decimal(task, "proposedRate"), TaskActor.of(task),
        task.getProcessInstanceId());
    task.setVariable("rateNeedsApproval", toLeadership);
    task.setVariable("reviewedBy", TaskActor.of(task));
    task.setVariable("rateProposedBy", reviews.rateProposer(dealId));
    // The rate leadership decides on, also when the partner proposed it with the submission (display only).
    java.math.BigDecimal proposed = reviews.proposedRate(dealId);
    task.setVariable("proposedRate", proposed == null ? null : proposed.doubleValue());
  }
}
