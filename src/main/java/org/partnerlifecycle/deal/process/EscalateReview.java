package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.ESCALATED;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.REVIEW_TASK;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.deal.DealReviewService;
import org.springframework.stereotype.Component;

/** deal-registration: {@code EscalateReview}. */
@Component("escalateReview")
class EscalateReview implements JavaDelegate {

  /** Above the default 50: escalated reviews sort first in Tasklist. */
  static final int ESCALATED_PRIORITY = 80;

  private final DealReviewService reviews;

  EscalateReview(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.recordEscalation(execution.getProcessBusinessKey());
    execution.setVariable(ESCALATED, true);
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(REVIEW_TASK).list()
        .forEach(task -> tasks.setPriority(task.getId(), ESCALATED_PRIORITY));
  }
}
