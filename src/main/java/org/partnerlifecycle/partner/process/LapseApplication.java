package org.partnerlifecycle.partner.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: {@code LapseApplication}. */
@Component("lapseApplication")
class LapseApplication implements JavaDelegate {

  private final OnboardingService onboarding;

  LapseApplication(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.lapse(execution.getProcessBusinessKey());
  }
}
