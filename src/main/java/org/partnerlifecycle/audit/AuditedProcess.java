package org.partnerlifecycle.audit;

/**
 * A process whose task completions {@link TaskCompletionAudit} records against a subject other than the partner
 * (the default): implemented by a capability's process contract, so the audit names no process key itself.
 */
public interface AuditedProcess {

  /** The process definition key. */
  String processKey();

  /** The subject its business key names. */
  AuditLog.Subject subject();
}
