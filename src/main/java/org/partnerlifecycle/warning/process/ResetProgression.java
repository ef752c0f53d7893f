package org.partnerlifecycle.warning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** warning-escalation: {@code ResetProgression}. */
@Component("resetProgression")
public class ResetProgression implements JavaDelegate {

  private final WarningService warnings;

  public ResetProgression(WarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warnings.reset(execution.getProcessBusinessKey(), (String) execution.getVariable("goodStandingNote"),
        (String) execution.getVariable("goodStandingBy"));
  }
}
