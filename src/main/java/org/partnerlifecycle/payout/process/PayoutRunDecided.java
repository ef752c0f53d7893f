package org.partnerlifecycle.payout.process;

import static org.partnerlifecycle.payout.process.PayoutRunProcess.APPROVED;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PAYOUT_DECISION;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.PAYOUT_REASON;
import static org.partnerlifecycle.payout.process.PayoutRunProcess.RUN_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.payout.PayoutRunService;
import org.springframework.stereotype.Component;

/** payout-run: completion of {@code ApprovePayoutRun} by leadership, checked and recorded. */
@Component("payoutRunDecided")
class PayoutRunDecided extends CheckedTaskCompletion {

  private final PayoutRunService runs;

  PayoutRunDecided(PayoutRunService runs) {
    this.runs = runs;
  }

  @Override
  protected void record(DelegateTask task, String runId) {
    boolean approved = runs.decide(TaskActor.text(task, RUN_ID), TaskActor.text(task, PAYOUT_DECISION),
        TaskActor.text(task, PAYOUT_REASON), TaskActor.of(task));
    task.getExecution().setVariable(APPROVED, approved);
  }
}
