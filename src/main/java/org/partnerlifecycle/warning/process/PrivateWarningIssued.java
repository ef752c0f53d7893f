package org.partnerlifecycle.warning.process;

import static org.partnerlifecycle.warning.process.WarningEscalationProcess.DISMISS_REASON;
import static org.partnerlifecycle.warning.process.WarningEscalationProcess.WARNING_DECISION;
import static org.partnerlifecycle.warning.process.WarningEscalationProcess.WARNING_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** warning-escalation: completion of {@code IssuePrivateWarning} (SEND or DISMISS), checked and recorded. */
@Component("privateWarningIssued")
class PrivateWarningIssued extends CheckedTaskCompletion {

  private final WarningService warnings;

  PrivateWarningIssued(WarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    warnings.decidePrivateWarning(partnerId, TaskActor.text(task, WARNING_DECISION), TaskActor.text(task, WARNING_NOTE),
        TaskActor.text(task, DISMISS_REASON), TaskActor.of(task));
  }
}
