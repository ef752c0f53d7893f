package org.partnerlifecycle.payout.process;

import static org.partnerlifecycle.payout.process.PayoutRunProcess.CHASE_DECISION;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.CHASE_NOTE;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PAID_ON;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PAYMENT_REFERENCE;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.STATEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.payout.PayoutRunService;
import org.springframework.stereotype.Component;

/** payout-run: completion of {@code ChaseOverdueStatement} by finance, checked and recorded. */
@Component("overdueStatementChased")
class OverdueStatementChased extends CheckedTaskCompletion {

  private final PayoutRunService runs;

  OverdueStatementChased(PayoutRunService runs) {
    this.runs = runs;
  }

  @Override
  protected void record(DelegateTask task, String runId) {
    runs.chase(TaskActor.text(task, STATEMENT_ID), TaskActor.text(task, CHASE_DECISION), TaskActor.text(task, PAID_ON),
        TaskActor.text(task, PAYMENT_REFERENCE), TaskActor.text(task, CHASE_NOTE), TaskActor.of(task));
  }
}
