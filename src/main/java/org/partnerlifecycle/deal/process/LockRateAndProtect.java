package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PROTECTION_ENDS_AT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.deal.DealReviewService;
import org.springframework.stereotype.Component;

/** deal-registration: {@code LockRateAndProtect}. */
@Component("lockRateAndProtect")
class LockRateAndProtect implements JavaDelegate {

  private final DealReviewService reviews;

  LockRateAndProtect(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PROTECTION_ENDS_AT,
        Date.from(reviews.lockRateAndProtect(execution.getProcessBusinessKey())));
  }
}
