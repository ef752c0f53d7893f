package org.partnerlifecycle.deal.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.deal.DealReviewService;
import org.springframework.stereotype.Component;

/** deal-registration: {@code CheckRegistration}. */
@Component("checkRegistration")
public class CheckRegistration implements JavaDelegate {

  private final DealReviewService reviews;

  public CheckRegistration(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DealReviewService.Check check = reviews.check(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable("partnerName", check.partnerName());
    execution.setVariable("partnerStanding", check.partnerStanding());
    execution.setVariable("customerName", check.customerName());
    execution.setVariable("customerDomain", check.customerDomain());
    execution.setVariable("dealValueText", check.dealValueText());
    execution.setVariable("dealSummary", check.dealSummary());
    execution.setVariable("conflict", check.conflict());
    execution.setVariable("conflictEvidence", check.conflictEvidence());
    execution.setVariable("standardRate", check.standardRate());
    execution.setVariable("rateExplanation", check.rateExplanation());
    // Both the review task's due date and its SLA timer read this.
    execution.setVariable("reviewDueAt", Date.from(check.reviewDueAt()));
  }
}
