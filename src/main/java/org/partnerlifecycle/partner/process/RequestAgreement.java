package org.partnerlifecycle.partner.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: {@code RequestAgreement}. */
@Component("requestAgreement")
class RequestAgreement implements JavaDelegate {

  private final OnboardingService onboarding;

  RequestAgreement(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.requestAgreement(execution.getProcessBusinessKey());
  }
}
