package org.partnerlifecycle.lead.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.lead.LeadRoutingService;
import org.springframework.stereotype.Component;

/** lead-routing: {@code RecordLeadAccepted}. */
@Component("recordLeadAccepted")
public class RecordLeadAccepted implements JavaDelegate {

  private final LeadRoutingService leads;

  public RecordLeadAccepted(LeadRoutingService leads) {
    this.leads = leads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    leads.recordOutcome(execution.getProcessBusinessKey(), "ACCEPTED");
  }
}
