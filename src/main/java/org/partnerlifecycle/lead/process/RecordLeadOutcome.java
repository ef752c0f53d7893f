package org.partnerlifecycle.lead.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.lead.LeadRoutingService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * lead-routing: {@code RecordLeadAccepted}, {@code RecordLeadDeclined}, {@code RecordLeadTimedOut}: the open
 * offer's outcome. One delegate, one bean per outcome under the names the BPMN's delegateExpressions use.
 */
class RecordLeadOutcome implements JavaDelegate {

  private final LeadRoutingService leads;
  private final String outcome;

  RecordLeadOutcome(LeadRoutingService leads, String outcome) {
    this.leads = leads;
    this.outcome = outcome;
  }

  @Override
  public void execute(DelegateExecution execution) {
    leads.recordOutcome(execution.getProcessBusinessKey(), outcome);
  }

  @Configuration(proxyBeanMethods = false)
  static class Outcomes {

    @Bean
    RecordLeadOutcome recordLeadAccepted(LeadRoutingService leads) {
      return new RecordLeadOutcome(leads, "ACCEPTED");
    }

    @Bean
    RecordLeadOutcome recordLeadDeclined(LeadRoutingService leads) {
      return new RecordLeadOutcome(leads, "DECLINED");
    }

    @Bean
    RecordLeadOutcome recordLeadTimedOut(LeadRoutingService leads) {
      return new RecordLeadOutcome(leads, "TIMED_OUT");
    }
  }
}
