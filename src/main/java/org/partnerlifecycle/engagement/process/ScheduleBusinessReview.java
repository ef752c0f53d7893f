package org.partnerlifecycle.engagement.process;

import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.BUSINESS_REVIEW_ID;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.COMPANY_NAME;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.DUE_AT;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.DUE_TEXT;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.HAS_CADENCE;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.NOTES_DUE_AT;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.OPENS_AT;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.PARTNER_MANAGER;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.ROADMAP_TEXT;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.TIER_LABEL;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.engagement.EngagementService;
import org.partnerlifecycle.engagement.EngagementService.Schedule;
import org.springframework.stereotype.Component;

/** business-review: {@code ScheduleBusinessReview} plans the next review on the partner's current cadence. */
@Component("scheduleBusinessReview")
class ScheduleBusinessReview implements JavaDelegate {

  private final EngagementService engagement;

  ScheduleBusinessReview(EngagementService engagement) {
    this.engagement = engagement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Schedule s = engagement.schedule(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    Map<String, Object> variables = new HashMap<>();
    variables.put(HAS_CADENCE, s.hasCadence());
    variables.put(BUSINESS_REVIEW_ID, s.reviewId());
    variables.put(OPENS_AT, s.opensAt());
    variables.put(DUE_AT, s.dueAt());
    variables.put(NOTES_DUE_AT, s.notesDueAt());
    variables.put(COMPANY_NAME, s.companyName());
    variables.put(PARTNER_MANAGER, s.partnerManager());
    variables.put(TIER_LABEL, s.tierLabel());
    variables.put(DUE_TEXT, s.dueText());
    variables.put(ROADMAP_TEXT, s.roadmapText());
    execution.setVariables(variables);
  }
}
