package org.partnerlifecycle.deal.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.deal.DealReviewService;
import org.springframework.stereotype.Component;

/** deal-registration: {@code LockRateAndProtect}. */
@Component("lockRateAndProtect")
public class LockRateAndProtect implements JavaDelegate {

  private final DealReviewService reviews;

  public LockRateAndProtect(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("protectionEndsAt",
        Date.from(reviews.lockRateAndProtect(execution.getProcessBusinessKey())));
  }
}
