package org.partnerlifecycle.partner.process;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.ACTIVATION_DECISION;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.ACTIVATION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: completion of {@code ActivationCheck}, checked and recorded. */
@Component("activationChecked")
class ActivationChecked extends CheckedTaskCompletion {

  private final OnboardingService onboarding;
  private final NoFirstDealBreach noFirstDeal;

  ActivationChecked(OnboardingService onboarding, NoFirstDealBreach noFirstDeal) {
    this.onboarding = onboarding;
    this.noFirstDeal = noFirstDeal;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    onboarding.recordActivationCheck(partnerId, TaskActor.text(task, ACTIVATION_DECISION),
        TaskActor.text(task, ACTIVATION_NOTE), TaskActor.of(task));
    if ("RAISE_BREACH".equals(TaskActor.text(task, ACTIVATION_DECISION))) {
      noFirstDeal.raise(partnerId, TaskActor.text(task, ACTIVATION_NOTE), TaskActor.of(task));
    }
  }
}
