package org.partnerlifecycle.warning.process;

import static org.partnerlifecycle.warning.process.WarningEscalationProcess.GOOD_STANDING_BY;
import static org.partnerlifecycle.warning.process.WarningEscalationProcess.GOOD_STANDING_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** warning-escalation: {@code ResetProgression}. */
@Component("resetProgression")
class ResetProgression implements JavaDelegate {

  private final WarningService warnings;

  ResetProgression(WarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warnings.reset(execution.getProcessBusinessKey(), (String) execution.getVariable(GOOD_STANDING_NOTE),
        (String) execution.getVariable(GOOD_STANDING_BY));
  }
}
