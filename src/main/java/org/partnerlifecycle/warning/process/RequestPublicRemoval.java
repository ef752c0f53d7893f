package org.partnerlifecycle.warning.process;

import static org.partnerlifecycle.warning.process.WarningEscalationProcess.WARNING_HISTORY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Component;

/** warning-escalation: {@code RequestPublicRemoval}. */
@Component("requestPublicRemoval")
class RequestPublicRemoval implements JavaDelegate {

  private final WarningService warnings;

  RequestPublicRemoval(WarningService warnings) {
    this.warnings = warnings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(WARNING_HISTORY, warnings.requestPublicRemoval(execution.getProcessBusinessKey()));
  }
}
