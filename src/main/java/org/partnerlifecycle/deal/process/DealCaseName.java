package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CUSTOMER_NAME;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.DEAL_VALUE_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PARTNER_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.partnerlifecycle.deal.DealReviewService;
import org.partnerlifecycle.deal.DealReviewService.ReviewFacts;
import org.springframework.stereotype.Component;

/**
 * deal-registration: the case's name its tasks are named by (their {@code taskName}), "Acme Learning / Globex" with
 * or without ", $48,000". Not process variables (issue 30): the check hands the names to the review task as transient
 * variables and stores them with the registration, where later tasks read them. Reviews started before the names
 * were stored keep them as variables, and a variable wins.
 */
@Component("dealCaseName")
public class DealCaseName {

  private final DealReviewService reviews;

  DealCaseName(DealReviewService reviews) {
    this.reviews = reviews;
  }

  /** "Partner / Customer". */
  public String of(DelegateExecution execution) {
    return named(execution, PARTNER_NAME) + " / " + named(execution, CUSTOMER_NAME);
  }

  /** "Partner / Customer, $value". */
  public String withValue(DelegateExecution execution) {
    return of(execution) + ", " + named(execution, DEAL_VALUE_TEXT);
  }

  private String named(DelegateExecution execution, String name) {
    Object variable = execution.getVariable(name);
    if (variable != null) {
      return variable.toString();
    }
    ReviewFacts facts = reviews.reviewFacts(execution.getProcessBusinessKey()).orElseThrow(() ->
        new IllegalStateException("Deal registration " + execution.getProcessBusinessKey() + " has no review facts"));
    return switch (name) {
      case PARTNER_NAME -> facts.partnerName();
      case CUSTOMER_NAME -> facts.customerName();
      default -> facts.dealValueText();
    };
  }
}
