package org.partnerlifecycle.partner.process;

import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.partner.OnboardingService;
import org.partnerlifecycle.warning.BreachCategory;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** partner-onboarding: completion of {@code ActivationCheck}, checked and recorded. */
@Component("activationChecked")
public class ActivationChecked extends CheckedTaskCompletion {

  private final OnboardingService onboarding;
  private final WarningService warnings;

  public ActivationChecked(OnboardingService onboarding, WarningService warnings) {
    this.onboarding = onboarding;
    this.warnings = warnings;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    onboarding.recordActivationCheck(partnerId, TaskActor.text(task, "activationDecision"),
        TaskActor.text(task, "activationNote"), TaskActor.of(task));
    if ("RAISE_BREACH".equals(TaskActor.text(task, "activationDecision"))) {
      warnings.raiseBreach(partnerId, BreachCategory.NO_FIRST_DEAL, TaskActor.text(task, "activationNote"),
          "ACTIVATION_CHECK", TaskActor.of(task));
    }
  }
}
