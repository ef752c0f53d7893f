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
    // Transient, all of it: the review task, created in this transaction, is named by the case's name (DealCaseName)
    // and takes its due date and SLA timer from the due time. Later tasks read the name where the check stored it,
    // with the rest of what the forms show (DealReviewFacts).
    execution.setVariable(PARTNER_NAME, Variables.stringValue(check.partnerName(), true));
    execution.setVariable(CUSTOMER_NAME, Variables.stringValue(check.customerName(), true));
    execution.setVariable(DEAL_VALUE_TEXT, Variables.stringValue(check.dealValueText(), true));
    execution.setVariable(REVIEW_DUE_AT, Variables.dateValue(Date.from(check.reviewDueAt()), true));
  }
}
