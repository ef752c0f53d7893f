package org.partnerlifecycle.mdf.process;

import static org.partnerlifecycle.mdf.process.MdfRequestProcess.MDF_DECISION;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.MDF_REASON;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.REVIEW_TEXT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.mdf.MdfService;
import org.springframework.stereotype.Component;

/** mdf-request: completion of {@code ReviewMdfRequest} (partner manager), checked and recorded. */
@Component("mdfRequestReviewed")
class MdfRequestReviewed extends CheckedTaskCompletion {

  private final MdfService mdf;

  MdfRequestReviewed(MdfService mdf) {
    this.mdf = mdf;
  }

  @Override
  protected void record(DelegateTask task, String requestId) {
    String review = mdf.recordReview(requestId, TaskActor.text(task, MDF_DECISION), TaskActor.text(task, MDF_REASON),
        TaskActor.of(task));
    task.setVariable(REVIEW_TEXT, review);
  }
}
