package org.partnerlifecycle.partner.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: {@code ScreenApplication}. */
@Component("screenApplication")
public class ScreenApplication implements JavaDelegate {

  private final OnboardingService onboarding;

  public ScreenApplication(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OnboardingService.Screening screening =
        onboarding.screen(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable("proposedTier", screening.proposedTier());
    execution.setVariable("proposedMotion", screening.proposedMotion());
    execution.setVariable("proposedTierExplanation", screening.explanation());
    execution.setVariable("duplicateHits", screening.duplicateHits());
    execution.setVariable("screeningNotes", screening.notes());
    // The review form's tier select starts at the proposal.
    execution.setVariable("tier", screening.proposedTier());
  }
}
