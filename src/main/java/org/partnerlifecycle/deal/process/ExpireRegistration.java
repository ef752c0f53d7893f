package org.partnerlifecycle.deal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.deal.DealReviewService;
import org.springframework.stereotype.Component;

/** deal-registration: {@code ExpireRegistration}. */
@Component("expireRegistration")
class ExpireRegistration implements JavaDelegate {

  private final DealReviewService reviews;

  ExpireRegistration(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.expire(execution.getProcessBusinessKey());
  }
}
