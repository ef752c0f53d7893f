package org.partnerlifecycle.payout.process;

import static org.partnerlifecycle.payout.process.PayoutRunProcess.ALREADY_RAN;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.RUN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.payout.PayoutRunService;
import org.springframework.stereotype.Component;

/**
 * payout-run: {@code OpenRun}. Started on demand, the run exists already; started by the monthly timer, it opens
 * the month's run unless this period ran already (on demand), which ends the instance with nothing changed.
 */
@Component("openRun")
class OpenRun implements JavaDelegate {

  private final PayoutRunService runs;

  OpenRun(PayoutRunService runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(RUN_ID) != null) {
      execution.setVariable(ALREADY_RAN, false);
      return;
    }
    String runId = runs.openScheduled(execution.getProcessInstanceId());
    execution.setVariable(ALREADY_RAN, runId == null);
    if (runId != null) {
      execution.setVariable(RUN_ID, runId);
      execution.setProcessBusinessKey(runId);
    }
  }
}
