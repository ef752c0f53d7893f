package org.partnerlifecycle.mdf.process;

import static org.partnerlifecycle.mdf.process.MdfRequestProcess.APPROVAL_DECISION;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.APPROVAL_REASON;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.mdf.MdfService;
import org.springframework.stereotype.Component;

/** mdf-request: completion of {@code ApproveMdfRequest} (leadership, never the reviewer), checked and recorded. */
@Component("mdfRequestApproved")
class MdfRequestApproved extends CheckedTaskCompletion {

  private final MdfService mdf;

  MdfRequestApproved(MdfService mdf) {
    this.mdf = mdf;
  }

  @Override
  protected void record(DelegateTask task, String requestId) {
    mdf.recordLeadershipDecision(requestId, TaskActor.text(task, APPROVAL_DECISION),
        TaskActor.text(task, APPROVAL_REASON), TaskActor.of(task));
  }
}
