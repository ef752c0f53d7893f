package org.partnerlifecycle.partner.process;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.DECISION;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.REASON;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.REVIEWED_BY;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.TIER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: completion of {@code ReviewApplication}, checked and recorded. */
@Component("applicationReviewed")
class ApplicationReviewed extends CheckedTaskCompletion {

  private final OnboardingService onboarding;

  ApplicationReviewed(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    task.setVariable(REVIEWED_BY, TaskActor.of(task));
    onboarding.recordReview(partnerId, TaskActor.text(task, DECISION), TaskActor.text(task, TIER),
        TaskActor.text(task, REASON), TaskActor.of(task));
  }
}
