package org.partnerlifecycle.engagement.process;

import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.BUSINESS_REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.partnerlifecycle.engagement.EngagementService;
import org.springframework.stereotype.Component;

/** business-review: {@code HoldBusinessReview} was created — the review is open. */
@Component("businessReviewOpened")
class BusinessReviewOpened implements TaskListener {

  private final EngagementService engagement;

  BusinessReviewOpened(EngagementService engagement) {
    this.engagement = engagement;
  }

  @Override
  public void notify(DelegateTask task) {
    engagement.open((String) task.getVariable(BUSINESS_REVIEW_ID));
  }
}
