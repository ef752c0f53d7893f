package org.partnerlifecycle.warning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** warning-escalation: {@code PauseReferrals}. */
@Component("pauseReferrals")
class PauseReferrals implements JavaDelegate {

  private final WarningService warnings;

  PauseReferrals(WarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warnings.pauseReferrals(execution.getProcessBusinessKey());
  }
}
