package org.partnerlifecycle.partner.process;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.SESSION_HELD_ON;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.SESSION_NOTES;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: completion of {@code RunOnboardingSession}, checked and recorded. */
@Component("onboardingSessionHeld")
class OnboardingSessionHeld extends CheckedTaskCompletion {

  private final OnboardingService onboarding;

  OnboardingSessionHeld(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    onboarding.recordOnboardingSession(partnerId, TaskActor.text(task, SESSION_HELD_ON),
        TaskActor.text(task, SESSION_NOTES), TaskActor.of(task));
  }
}
