package org.partnerlifecycle.deal.process;

import java.util.HashMap;
import java.util.Map;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.AuditedProcess;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/deal-registration.bpmn}: its key, messages, user tasks and the variables the
 * services and delegates read and write (the BPMN and forms name the same). The business key is the deal id.
 */
@Component
public class DealRegistrationProcess implements AuditedProcess {

  public static final String KEY = "deal-registration";

  /** Messages. */
  public static final String DEAL_CLOSED = "DealClosed";
  public static final String EXTENSION_REQUESTED = "ExtensionRequested";

  /** User tasks. */
  static final String REVIEW_TASK = "ReviewDealRegistration";

  /** Set at the start (the deal id is the business key). */
  static final String PARTNER_ID = "partnerId";
  /**
   * The case's name, which names every task of the process (DealCaseName): transient variables while the review task
   * is created, then review facts; variables in reviews started by an earlier version.
   */
  static final String PARTNER_NAME = "partnerName";
  static final String CUSTOMER_NAME = "customerName";
  static final String DEAL_VALUE_TEXT = "dealValueText";
  /**
   * Form fields that are not process variables: the check stores them with the registration and DealReviewFacts
   * hands them to the forms when these are read; the sentences as their forms' {@code …Text} fields.
   */
  static final String PARTNER_STANDING = "partnerStanding";
  static final String CUSTOMER_DOMAIN = "customerDomain";
  static final String DEAL_SUMMARY = "dealSummary";
  static final String CONFLICT = "conflict";
  static final String CONFLICT_EVIDENCE_TEXT = "conflictEvidenceText";
  static final String STANDARD_RATE = "standardRate";
  static final String RATE_EXPLANATION_TEXT = "rateExplanationText";
  /** The due time as the review form shows it. */
  static final String REVIEW_DUE_AT_TEXT = "reviewDueAtText";
  /** Transient: read only while the review task is created (its due date, its SLA timer). */
  static final String REVIEW_DUE_AT = "reviewDueAt";
  static final String ESCALATED = "escalated";
  /** The review form's fields, and what its listener sets for the gateways and the rate approval. */
  public static final String DECISION = "decision";
  public static final String REASON = "reason";
  /** Pre-filled with the partner's proposal (DealReviewFacts); after the review, the rate leadership decides on. */
  public static final String PROPOSED_RATE = "proposedRate";
  public static final String USE_STANDARD_RATE = "useStandardRate";
  static final String PROPOSED_RATE_TEXT = "proposedRateText";
  static final String RATE_PROPOSED_BY_TEXT = "rateProposedByText";
  static final String RATE_NEEDS_APPROVAL = "rateNeedsApproval";
  static final String REVIEWED_BY = "reviewedBy";
  static final String RATE_PROPOSED_BY = "rateProposedBy";
  /** The negotiated-rate approval form. */
  public static final String RATE_DECISION = "rateDecision";
  public static final String APPROVED_RATE = "approvedRate";
  public static final String RATE_REASON = "rateReason";
  /** Set by the approval's listener: a REJECT where the table has no figure (OEM) ends the registration. */
  static final String RATE_REJECTED = "rateRejected";
  /** Protection, its extension and the close. */
  static final String PROTECTION_ENDS_AT = "protectionEndsAt";
  public static final String EXTENSION_DECISION = "extensionDecision";
  public static final String EXTENSION_REASON = "extensionReason";
  static final String OUTCOME = "outcome";

  private final ProcessAdapter processes;

  public DealRegistrationProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public AuditLog.Subject subject() {
    return AuditLog.Subject.DEAL;
  }

  public String start(String dealId, String partnerId) {
    return processes.start(KEY, dealId, Map.of(PARTNER_ID, partnerId));
  }

  /** @return whether the deal's process waited for an extension request */
  public boolean extensionRequested(String dealId) {
    return processes.deliver(dealId, EXTENSION_REQUESTED, Map.of());
  }

  /** @return whether the deal's process waited for its close */
  public boolean closed(String dealId, String outcome) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(OUTCOME, outcome);
    return processes.deliver(dealId, DEAL_CLOSED, variables);
  }
}
