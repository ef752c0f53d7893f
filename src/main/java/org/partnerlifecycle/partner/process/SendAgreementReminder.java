package org.partnerlifecycle.partner.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: {@code SendAgreementReminder}. */
@Component("sendAgreementReminder")
class SendAgreementReminder implements JavaDelegate {

  private final OnboardingService onboarding;

  SendAgreementReminder(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    onboarding.remindAgreement(execution.getProcessBusinessKey());
  }
}
