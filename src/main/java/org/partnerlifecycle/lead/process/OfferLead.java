package org.partnerlifecycle.lead.process;

import static org.partnerlifecycle.lead.process.LeadRoutingProcess.ACCEPT_DEADLINE;
import static org.partnerlifecycle.lead.process.LeadRoutingProcess.OFFERED;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.lead.LeadRoutingService;
import org.springframework.stereotype.Component;

/** lead-routing: {@code OfferLead}. */
@Component("offerLead")
class OfferLead implements JavaDelegate {

  private final LeadRoutingService leads;

  OfferLead(LeadRoutingService leads) {
    this.leads = leads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<Instant> deadline = leads.offer(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    execution.setVariable(OFFERED, deadline.isPresent());
    execution.setVariable(ACCEPT_DEADLINE, deadline.map(Date::from).orElse(null));
  }
}
