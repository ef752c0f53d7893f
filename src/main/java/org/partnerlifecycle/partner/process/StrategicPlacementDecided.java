package org.partnerlifecycle.partner.process;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PLACEMENT_DECISION;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PLACEMENT_REASON;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.TIER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.partner.OnboardingService;
import org.springframework.stereotype.Component;

/** partner-onboarding: completion of {@code ApproveStrategicPlacement}, checked and recorded. */
@Component("strategicPlacementDecided")
class StrategicPlacementDecided extends CheckedTaskCompletion {

  private final OnboardingService onboarding;

  StrategicPlacementDecided(OnboardingService onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    String tier = onboarding.recordStrategicPlacement(partnerId, TaskActor.text(task, PLACEMENT_DECISION),
        TaskActor.text(task, PLACEMENT_REASON), TaskActor.of(task));
    task.setVariable(TIER, tier);
  }
}
