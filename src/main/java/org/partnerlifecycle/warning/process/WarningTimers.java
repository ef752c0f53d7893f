package org.partnerlifecycle.warning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** warning-escalation: the cure-period timers ({@code ${warningTimers.curePeriod(execution)}}). */
@Component("warningTimers")
public class WarningTimers {

  private final WarningService warnings;

  public WarningTimers(WarningService warnings) {
    this.warnings = warnings;
  }

  public String curePeriod(DelegateExecution execution) {
    return warnings.curePeriod(execution.getProcessBusinessKey());
  }
}
