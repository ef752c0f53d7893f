package org.partnerlifecycle.mdf.process;

import static org.partnerlifecycle.mdf.process.MdfRequestProcess.LEADERSHIP_APPROVAL;
import static org.partnerlifecycle.mdf.process.MdfRequestProcess.REFUSED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.mdf.MdfService;
import org.springframework.stereotype.Component;

/** mdf-request: {@code CheckMdfRequest} — eligibility, quarterly cap and annual budget, under the budget lock. */
@Component("checkMdfRequest")
class CheckMdfRequest implements JavaDelegate {

  private final MdfService mdf;

  CheckMdfRequest(MdfService mdf) {
    this.mdf = mdf;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MdfService.CheckOutcome outcome = mdf.check(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariables(outcome.formVariables());
    execution.setVariable(REFUSED, outcome.refused());
    execution.setVariable(LEADERSHIP_APPROVAL, outcome.leadershipApproval());
  }
}
