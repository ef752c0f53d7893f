package org.partnerlifecycle.payout.process;

import static org.partnerlifecycle.payout.process.PayoutRunProcess.STATEMENT_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.partnerlifecycle.engine.FormText;
import org.partnerlifecycle.payout.PayoutRunService;
import org.partnerlifecycle.payout.Statement;
import org.partnerlifecycle.rules.Money;
import org.springframework.stereotype.Component;

/**
 * ChaseOverdueStatement, one per statement unpaid after its due date: the collection it runs over
 * ({@code ${overdueStatements.ids(runId)}}), its name ("Pay overdue statement — Acme Learning, $1,234.00"), and, when
 * created, what its form shows (partner name, total as {@code $1,234.00}, due date with its time zone). Public: the
 * BPMN's expressions call its methods.
 */
@Component("overdueStatements")
public class OverdueStatements implements TaskListener {

  static final String COMPANY_NAME = "companyName";
  static final String TOTAL_TEXT = "statementTotalText";
  static final String DUE_DATE_TEXT = "dueDateText";

  private final PayoutRunService runs;

  OverdueStatements(PayoutRunService runs) {
    this.runs = runs;
  }

  public List<String> ids(String runId) {
    return runs.overdue(runId).stream().map(Statement::statementId).toList();
  }

  public String title(String statementId) {
    Statement statement = runs.statement(statementId).orElseThrow();
    return statement.companyName() + ", " + Money.usd(statement.total());
  }

  @Override
  public void notify(DelegateTask task) {
    Statement statement = runs.statement((String) task.getVariable(STATEMENT_ID)).orElseThrow();
    task.setVariableLocal(COMPANY_NAME, statement.companyName());
    task.setVariableLocal(TOTAL_TEXT, Money.usd(statement.total()));
    task.setVariableLocal(DUE_DATE_TEXT, FormText.date(statement.dueDate()));
  }
}
