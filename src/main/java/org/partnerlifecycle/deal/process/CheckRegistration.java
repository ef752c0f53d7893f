package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CUSTOMER_NAME;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.DEAL_VALUE_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PARTNER_NAME;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.REVIEW_DUE_AT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.partnerlifecycle.deal.DealReviewService;
import org.springframework.stereotype.Component;

/** deal-registration: {@code CheckRegistration}. */
@Component("checkRegistration")
class CheckRegistration implements JavaDelegate {

  private final DealReviewService reviews;

  CheckRegistration(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DealReviewService.Check check = reviews.check(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    // The case's name, which every task of the process is named by (its taskName property, evaluated as the task is
    // created). The rest of what its forms show is stored with the registration (DealReviewFacts).
    execution.setVariable(PARTNER_NAME, check.partnerName());
    execution.setVariable(CUSTOMER_NAME, check.customerName());
    execution.setVariable(DEAL_VALUE_TEXT, check.dealValueText());
    // Transient: the review task's due date and its SLA timer read it as the task is created, and keep it.
    execution.setVariable(REVIEW_DUE_AT, Variables.dateValue(Date.from(check.reviewDueAt()), true));
  }
}
