package org.partnerlifecycle.payout.process;

import static org.partnerlifecycle.payout.process.PayoutRunProcess.DUE_PASSED_AT;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.RUN_ID;

import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.payout.PayoutRunService;
import org.springframework.stereotype.Component;

/**
 * payout-run: {@code IssueStatements}. The statements are ISSUED and their partners told; the instance then waits
 * until the due date has passed (the start of the day after it, UTC) to chase what is unpaid.
 */
@Component("issueStatements")
class IssueStatements implements JavaDelegate {

  private final PayoutRunService runs;

  IssueStatements(PayoutRunService runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    java.time.LocalDate due = runs.issue((String) execution.getVariable(RUN_ID));
    execution.setVariable(DUE_PASSED_AT, Date.from(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }
}
