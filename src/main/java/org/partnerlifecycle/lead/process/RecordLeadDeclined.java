package org.partnerlifecycle.lead.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.lead.LeadRoutingService;
import org.springframework.stereotype.Component;

/** lead-routing: {@code RecordLeadDeclined}. */
@Component("recordLeadDeclined")
public class RecordLeadDeclined implements JavaDelegate {

  private final LeadRoutingService leads;

  public RecordLeadDeclined(LeadRoutingService leads) {
    this.leads = leads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    leads.recordOutcome(execution.getProcessBusinessKey(), "DECLINED");
  }
}
