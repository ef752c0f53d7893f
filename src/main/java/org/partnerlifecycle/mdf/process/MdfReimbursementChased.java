package org.partnerlifecycle.mdf.process;

import static org.partnerlifecycle.mdf.process.MdfRequestProcess.CHASE_NOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.mdf.MdfService;
import org.springframework.stereotype.Component;

/** mdf-request: completion of {@code ChaseMdfReimbursement} (finance), checked and recorded. */
@Component("mdfReimbursementChased")
class MdfReimbursementChased extends CheckedTaskCompletion {

  private final MdfService mdf;

  MdfReimbursementChased(MdfService mdf) {
    this.mdf = mdf;
  }

  @Override
  protected void record(DelegateTask task, String requestId) {
    mdf.recordChase(requestId, TaskActor.text(task, CHASE_NOTE), TaskActor.of(task));
  }
}
