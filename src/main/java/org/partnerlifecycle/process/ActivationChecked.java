package org.partnerlifecycle.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: completion of {@code ActivationCheck}, checked and recorded. */
@Component("activationChecked")
public class ActivationChecked extends CheckedTaskCompletion {

  private final OnboardingService onboarding;

  public ActivationChecked(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    onboarding.recordActivationCheck(partnerId, TaskActor.text(task, "activationDecision"),
        TaskActor.text(task, "activationNote"), TaskActor.of(task));
  }
}
