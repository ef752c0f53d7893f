package org.partnerlifecycle.warning.process;

import java.util.HashMap;
import java.util.Map;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/warning-escalation.bpmn}: its key, message and the variables the services and
 * delegates read and write (the BPMN and forms name the same). The business key is the partner id.
 */
@Component
public class WarningEscalationProcess {

  public static final String KEY = "warning-escalation";

  /** Messages. */
  public static final String GOOD_STANDING = "GoodStanding";

  /** Variables set at the start; the breaches are updated while it runs. */
  static final String ESCALATION_ID = "escalationId";
  static final String COMPANY_NAME = "companyName";
  static final String TIER = "tier";
  static final String BREACHES = "breaches";
  static final String CURE_PERIOD_TEXT = "curePeriodText";
  /** The private warning's and the removal approval's form fields; the history the approval shows. */
  public static final String WARNING_DECISION = "warningDecision";
  public static final String WARNING_NOTE = "warningNote";
  public static final String DISMISS_REASON = "dismissReason";
  public static final String REMOVAL_DECISION = "removalDecision";
  public static final String REMOVAL_REASON = "removalReason";
  static final String WARNING_HISTORY = "warningHistory";
  /** The good-standing message's variables. */
  static final String GOOD_STANDING_NOTE = "goodStandingNote";
  static final String GOOD_STANDING_BY = "goodStandingBy";

  private final ProcessAdapter processes;

  public WarningEscalationProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  public String start(String partnerId, String escalationId, String companyName, String tier, String breaches,
      String curePeriodText) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ESCALATION_ID, escalationId);
    variables.put(COMPANY_NAME, companyName);
    variables.put(TIER, tier);
    variables.put(BREACHES, breaches);
    variables.put(CURE_PERIOD_TEXT, curePeriodText);
    return processes.start(KEY, partnerId, variables);
  }

  /** The running escalation's list of breaches, as its forms show it. */
  public void updateBreaches(String partnerId, String breaches) {
    processes.setVariables(KEY, partnerId, Map.of(BREACHES, breaches));
  }

  /** Good standing restored: the running escalation resets (it may be past the point of waiting for it). */
  public void goodStanding(String partnerId, String note, String decidedBy) {
    processes.deliver(partnerId, GOOD_STANDING, Map.of(GOOD_STANDING_NOTE, note, GOOD_STANDING_BY, decidedBy));
  }
}
