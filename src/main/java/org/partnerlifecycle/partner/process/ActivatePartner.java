package org.partnerlifecycle.partner.process;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.ACTIVATED_ON;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.MOTION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: {@code ActivatePartner}. */
@Component("activatePartner")
class ActivatePartner implements JavaDelegate {

  private final OnboardingService onboarding;

  ActivatePartner(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OnboardingService.Activation activation =
        onboarding.activate(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable(ACTIVATED_ON, activation.activatedOn().toString());
    execution.setVariable(MOTION, activation.motion().name());
  }
}
