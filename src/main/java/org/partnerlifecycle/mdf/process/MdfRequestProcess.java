package org.partnerlifecycle.mdf.process;

import java.util.Map;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/mdf-request.bpmn}: its key, messages, and the variables the services and
 * delegates read and write (the BPMN and forms name the same). The business key is the request id.
 */
@Component
public class MdfRequestProcess {

  public static final String KEY = "mdf-request";

  /** Messages. */
  public static final String CLAIM_SUBMITTED = "MdfClaimSubmitted";
  public static final String REIMBURSEMENT_PAID = "MdfReimbursementPaid";

  /** Set at the start. */
  static final String REQUEST_ID = "requestId";
  static final String PARTNER_ID = "partnerId";
  /** Set by the checks: what the forms show, and the gateways' facts. */
  public static final String PARTNER_NAME = "partnerName";
  public static final String TIER_TEXT = "tierText";
  public static final String ACTIVITY = "activity";
  public static final String USE_TEXT = "useText";
  public static final String AMOUNT_TEXT = "amountText";
  public static final String PLANNED_ON_TEXT = "plannedOnText";
  public static final String EXPECTED_LEADS = "expectedLeads";
  public static final String REQUESTED_AT_TEXT = "requestedAtText";
  public static final String BUDGET_TEXT = "budgetText";
  public static final String APPROVAL_TEXT = "approvalText";
  static final String REFUSED = "refused";
  static final String LEADERSHIP_APPROVAL = "leadershipApproval";
  /** The review form, and what leadership's form shows of it. */
  public static final String MDF_DECISION = "mdfDecision";
  public static final String MDF_REASON = "mdfReason";
  public static final String REVIEW_TEXT = "reviewText";
  /** Leadership's approval form. */
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String APPROVAL_REASON = "approvalReason";
  /** The claim (set by its message) and its review form. */
  public static final String CLAIM_TEXT = "claimText";
  public static final String EVIDENCE_NOTE = "evidenceNote";
  public static final String CLAIM_DECISION = "claimDecision";
  public static final String CLAIM_REASON = "claimReason";
  /** The reimbursement and finance's chase form. */
  public static final String REIMBURSEMENT_TEXT = "reimbursementText";
  public static final String CHASE_NOTE = "chaseNote";

  private final ProcessAdapter processes;

  public MdfRequestProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  public String start(String requestId, String partnerId) {
    return processes.start(KEY, requestId, Map.of(REQUEST_ID, requestId, PARTNER_ID, partnerId));
  }

  /** @return whether the request waited for its claim */
  public boolean claimSubmitted(String requestId, String claimText, String evidenceNote) {
    return processes.deliver(requestId, CLAIM_SUBMITTED, Map.of(CLAIM_TEXT, claimText, EVIDENCE_NOTE, evidenceNote));
  }

  /** @return whether the request waited for its reimbursement's payment */
  public boolean reimbursementPaid(String requestId) {
    return processes.deliver(requestId, REIMBURSEMENT_PAID, Map.of());
  }
}
