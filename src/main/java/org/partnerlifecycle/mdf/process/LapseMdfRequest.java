package org.partnerlifecycle.mdf.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.mdf.MdfService;
import org.springframework.stereotype.Component;

/** mdf-request: {@code LapseMdfRequest} — approved, unclaimed at the end of the fiscal year. */
@Component("lapseMdfRequest")
class LapseMdfRequest implements JavaDelegate {

  private final MdfService mdf;

  LapseMdfRequest(MdfService mdf) {
    this.mdf = mdf;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mdf.lapse(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
