package org.partnerlifecycle.partner.process;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PARTNER_MANAGER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: {@code StartOnboarding}. */
@Component("startOnboarding")
class StartOnboarding implements JavaDelegate {

  private final OnboardingService onboarding;

  StartOnboarding(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.startOnboarding(execution.getProcessBusinessKey());
    // Read by the assignee expressions of the managed path and the activation check (none when digitally led).
    execution.setVariable(PARTNER_MANAGER, null);
  }
}
