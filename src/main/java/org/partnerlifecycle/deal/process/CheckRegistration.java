package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CONFLICT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CONFLICT_EVIDENCE_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CUSTOMER_DOMAIN;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CUSTOMER_NAME;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.DEAL_SUMMARY;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.DEAL_VALUE_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PARTNER_NAME;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PARTNER_STANDING;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PROPOSED_RATE;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_EXPLANATION_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.REVIEW_DUE_AT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.REVIEW_DUE_AT_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.STANDARD_RATE;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.partnerlifecycle.deal.DealReviewService;
import org.partnerlifecycle.engine.FormText;
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
    execution.setVariable(PARTNER_NAME, check.partnerName());
    execution.setVariable(PARTNER_STANDING, check.partnerStanding());
    execution.setVariable(CUSTOMER_NAME, check.customerName());
    execution.setVariable(CUSTOMER_DOMAIN, check.customerDomain());
    execution.setVariable(DEAL_VALUE_TEXT, check.dealValueText());
    execution.setVariable(DEAL_SUMMARY, check.dealSummary());
    execution.setVariable(CONFLICT, check.conflict());
    execution.setVariable(CONFLICT_EVIDENCE_TEXT, FormText.of(check.conflictEvidence(), null));
    execution.setVariable(STANDARD_RATE, check.standardRate());
    execution.setVariable(RATE_EXPLANATION_TEXT, FormText.of(check.rateExplanation(), null));
    // The review form's rate field starts at the partner's proposal.
    execution.setVariable(PROPOSED_RATE,
        check.partnerProposedRate() == null ? null : check.partnerProposedRate().doubleValue());
    // Transient: the review task's due date and its SLA timer read it as the task is created, and keep it.
    execution.setVariable(REVIEW_DUE_AT, Variables.dateValue(Date.from(check.reviewDueAt()), true));
    execution.setVariable(REVIEW_DUE_AT_TEXT, FormText.dateTime(check.reviewDueAt()));
  }
}
