package org.partnerlifecycle.partner.process;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.DUPLICATE_HITS;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PROPOSED_MOTION;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PROPOSED_TIER;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PROPOSED_TIER_EXPLANATION;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.SCREENING_NOTES;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.TIER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: {@code ScreenApplication}. */
@Component("screenApplication")
class ScreenApplication implements JavaDelegate {

  private final OnboardingService onboarding;

  ScreenApplication(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OnboardingService.Screening screening =
        onboarding.screen(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable(PROPOSED_TIER, screening.proposedTier().name());
    execution.setVariable(PROPOSED_MOTION, screening.proposedMotion().name());
    execution.setVariable(PROPOSED_TIER_EXPLANATION, screening.explanation());
    execution.setVariable(DUPLICATE_HITS, screening.duplicateHits());
    execution.setVariable(SCREENING_NOTES, screening.notes());
    // The review form's tier select starts at the proposal.
    execution.setVariable(TIER, screening.proposedTier().name());
  }
}
