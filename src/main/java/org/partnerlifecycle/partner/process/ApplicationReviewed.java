package org.partnerlifecycle.partner.process;

import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: completion of {@code ReviewApplication}, checked and recorded. */
@Component("applicationReviewed")
public class ApplicationReviewed extends CheckedTaskCompletion {

  private final OnboardingService onboarding;

  public ApplicationReviewed(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    task.setVariable("reviewedBy", TaskActor.of(task));
    onboarding.recordReview(partnerId, TaskActor.text(task, "decision"), TaskActor.text(task, "tier"),
        TaskActor.text(task, "reason"), TaskActor.of(task));
  }
}
