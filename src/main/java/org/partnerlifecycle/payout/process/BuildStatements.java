package org.partnerlifecycle.payout.process;

import static org.partnerlifecycle.payout.process.PayoutRunProcess.CARRIED_FORWARD_TEXT;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.NEEDS_APPROVAL;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PERIOD;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PERIOD_TEXT;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.RUN_ID;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.RUN_TOTAL_TEXT;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.STATEMENT_COUNT;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.STATEMENT_DATE_TEXT;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.engine.FormText;
import org.partnerlifecycle.payout.PayoutRun;
import org.partnerlifecycle.payout.PayoutRunService;
import org.partnerlifecycle.rules.Money;
import org.springframework.stereotype.Component;

/** payout-run: {@code BuildStatements} (asynchronous: its job's transaction builds every statement or none). */
@Component("buildStatements")
class BuildStatements implements JavaDelegate {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private final PayoutRunService runs;

  BuildStatements(PayoutRunService runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String runId = (String) execution.getVariable(RUN_ID);
    execution.setVariable(NEEDS_APPROVAL, runs.build(runId, execution.getProcessInstanceId()));
    PayoutRun run = runs.run(runId).orElseThrow();
    execution.setVariable(PERIOD, run.period());
    execution.setVariable(PERIOD_TEXT, YearMonth.parse(run.period()).format(MONTH));
    execution.setVariable(STATEMENT_DATE_TEXT, FormText.date(run.statementDate()));
    execution.setVariable(RUN_TOTAL_TEXT, Money.usd(run.statementTotal()));
    execution.setVariable(STATEMENT_COUNT, FormText.count(run.statementCount(), "statement"));
    execution.setVariable(CARRIED_FORWARD_TEXT, run.carriedCount() == 0 ? "Nothing carried forward"
        : Money.usd(run.carriedForward()) + " for " + FormText.count(run.carriedCount(), "partner"));
  }
}
