package org.partnerlifecycle.lead.process;

import java.util.Map;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/lead-routing.bpmn}: its key, messages and the variables the services and
 * delegates read and write (the BPMN names the same). The business key is the lead id.
 */
@Component
public class LeadRoutingProcess {

  public static final String KEY = "lead-routing";

  /** Messages: the offered partner's answer. */
  public static final String LEAD_ACCEPTED = "LeadAccepted";
  public static final String LEAD_DECLINED = "LeadDeclined";

  /** Set at the start. */
  static final String LEAD_ID = "leadId";
  /** Set by OfferLead: whether a partner was offered the lead, and until when it may accept. */
  static final String OFFERED = "offered";
  static final String ACCEPT_DEADLINE = "acceptDeadline";

  private final ProcessAdapter processes;

  public LeadRoutingProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  public String start(String leadId) {
    return processes.start(KEY, leadId, Map.of(LEAD_ID, leadId));
  }

  /** @return whether the lead's process waited for the answer */
  public boolean answered(String leadId, boolean accept) {
    return processes.deliver(leadId, accept ? LEAD_ACCEPTED : LEAD_DECLINED, Map.of());
  }
}
