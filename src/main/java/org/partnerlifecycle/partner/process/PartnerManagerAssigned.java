package org.partnerlifecycle.partner.process;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.EXECUTIVE_SPONSOR;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PARTNER_MANAGER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: completion of {@code AssignPartnerManager}, checked and recorded. */
@Component("partnerManagerAssigned")
class PartnerManagerAssigned extends CheckedTaskCompletion {

  private final OnboardingService onboarding;

  PartnerManagerAssigned(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    onboarding.assignManagement(partnerId, TaskActor.text(task, PARTNER_MANAGER),
        TaskActor.text(task, EXECUTIVE_SPONSOR), TaskActor.of(task));
  }
}
