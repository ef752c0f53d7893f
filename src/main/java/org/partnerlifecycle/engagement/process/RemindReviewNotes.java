package org.partnerlifecycle.engagement.process;

import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.BUSINESS_REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.engagement.EngagementService;
import org.springframework.stereotype.Component;

/**
 * business-review: {@code RemindReviewNotes}, 48 hours after the review's due day with HoldBusinessReview still open
 * (playbook seed 001 line 1612: notes within 48 hours) — recorded, the manager is mailed a reminder, and the task is
 * raised to high priority so it leads the manager's Tasklist.
 */
@Component("remindReviewNotes")
class RemindReviewNotes implements JavaDelegate {

  static final int LATE_PRIORITY = 80;

  private final EngagementService engagement;

  RemindReviewNotes(EngagementService engagement) {
    this.engagement = engagement;
  }

  @Override
  public void execute(DelegateExecution execution) {
    engagement.remindNotes((String) execution.getVariable(BUSINESS_REVIEW_ID));
    var tasks = execution.getProcessEngineServices().getTaskService();
    tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey("HoldBusinessReview").list()
        .forEach(task -> tasks.setPriority(task.getId(), LATE_PRIORITY));
  }
}
