package org.partnerlifecycle.warning.process;

import static org.partnerlifecycle.warning.process.WarningEscalationProcess.REMOVAL_DECISION;
import static org.partnerlifecycle.warning.process.WarningEscalationProcess.REMOVAL_REASON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** warning-escalation: completion of {@code ApprovePublicRemoval}, checked and recorded. */
@Component("publicRemovalDecided")
class PublicRemovalDecided extends CheckedTaskCompletion {

  private final WarningService warnings;

  PublicRemovalDecided(WarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    warnings.recordRemovalDecision(partnerId, TaskActor.text(task, REMOVAL_DECISION),
        TaskActor.text(task, REMOVAL_REASON), TaskActor.of(task));
  }
}
