package org.partnerlifecycle.payout.process;

import static org.partnerlifecycle.payout.process.PayoutRunProcess.OVERDUE_COUNT;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.RUN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.payout.PayoutRunService;
import org.springframework.stereotype.Component;

/** payout-run: {@code FindOverdueStatements}, once the due date has passed: how many are still unpaid. */
@Component("findOverdueStatements")
class FindOverdueStatements implements JavaDelegate {

  private final PayoutRunService runs;

  FindOverdueStatements(PayoutRunService runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(OVERDUE_COUNT, runs.overdue((String) execution.getVariable(RUN_ID)).size());
  }
}
