package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.deal.DealPayouts;
import org.springframework.stereotype.Component;

/** deal-registration: {@code RecordClose}. */
@Component("recordClose")
class RecordClose implements JavaDelegate {

  private final DealPayouts payouts;

  RecordClose(DealPayouts payouts) {
    this.payouts = payouts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    payouts.recordClose(execution.getProcessBusinessKey(), (String) execution.getVariable(OUTCOME),
        execution.getProcessInstanceId());
  }
}
