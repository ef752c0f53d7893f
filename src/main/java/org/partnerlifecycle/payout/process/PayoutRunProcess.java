package org.partnerlifecycle.payout.process;

import java.util.Map;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.AuditedProcess;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/payout-run.bpmn}: its key and the variables the service, delegates and forms read
 * and write. The business key is the run id; the monthly timer's instance takes it when it opens its run.
 */
@Component
public class PayoutRunProcess implements AuditedProcess {

  public static final String KEY = "payout-run";

  /** Set at the start (API) or by OpenRun (timer). */
  static final String RUN_ID = "runId";
  /** Set by OpenRun: the timer fired for a period that ran already (on demand): nothing to do. */
  static final String ALREADY_RAN = "alreadyRan";
  /** Set by BuildStatements; ApprovePayoutRun's form shows the run. */
  static final String NEEDS_APPROVAL = "needsApproval";
  static final String PERIOD = "period";
  /** The period as a month in words ("February 2040"), for the form and the task's name. */
  static final String PERIOD_TEXT = "periodText";
  static final String STATEMENT_DATE_TEXT = "statementDateText";
  static final String RUN_TOTAL_TEXT = "runTotalText";
  static final String STATEMENT_COUNT = "statementCount";
  static final String CARRIED_FORWARD_TEXT = "carriedForwardText";
  /** ApprovePayoutRun's form fields, and what its listener sets for the gateway. */
  public static final String PAYOUT_DECISION = "payoutDecision";
  public static final String PAYOUT_REASON = "payoutReason";
  static final String APPROVED = "approved";
  /** Set by IssueStatements: when the statements' due date has passed (the timer waiting for it). */
  static final String DUE_PASSED_AT = "duePassedAt";
  /** Set by FindOverdueStatements: how many ChaseOverdueStatement tasks (one per unpaid statement). */
  static final String OVERDUE_COUNT = "overdueCount";
  /** ChaseOverdueStatement's input mappings (its statement) and form fields. */
  static final String STATEMENT_ID = "statementId";
  public static final String CHASE_DECISION = "chaseDecision";
  public static final String PAID_ON = "paidOn";
  public static final String PAYMENT_REFERENCE = "paymentReference";
  public static final String CHASE_NOTE = "chaseNote";

  private final ProcessAdapter processes;

  public PayoutRunProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  /** Starts the run's process (on demand): it builds the statements asynchronously, right after the commit. */
  public String start(String runId) {
    return processes.start(KEY, runId, Map.of(RUN_ID, runId));
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public AuditLog.Subject subject() {
    return AuditLog.Subject.PAYOUT_RUN;
  }
}
