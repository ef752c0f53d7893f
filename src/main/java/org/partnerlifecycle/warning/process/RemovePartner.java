package org.partnerlifecycle.warning.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** warning-escalation: {@code RemovePartner}. */
@Component("removePartner")
class RemovePartner implements JavaDelegate {

  private final WarningService warnings;

  RemovePartner(WarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    warnings.removePartner(execution.getProcessBusinessKey());
  }
}
