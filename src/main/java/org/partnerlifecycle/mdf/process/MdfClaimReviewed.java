package org.partnerlifecycle.mdf.process;

import static org.partnerlifecycle.mdf.process.MdfRequestProcess.CLAIM_DECISION;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.CLAIM_REASON;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.REIMBURSEMENT_TEXT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.mdf.MdfService;
import org.springframework.stereotype.Component;

/** mdf-request: completion of {@code ReviewMdfClaim} (partner manager), checked and recorded. */
@Component("mdfClaimReviewed")
class MdfClaimReviewed extends CheckedTaskCompletion {

  private final MdfService mdf;

  MdfClaimReviewed(MdfService mdf) {
    this.mdf = mdf;
  }

  @Override
  protected void record(DelegateTask task, String requestId) {
    task.setVariable(REIMBURSEMENT_TEXT, mdf.recordClaimReview(requestId, TaskActor.text(task, CLAIM_DECISION),
        TaskActor.text(task, CLAIM_REASON), TaskActor.of(task), task.getProcessInstanceId()));
  }
}
