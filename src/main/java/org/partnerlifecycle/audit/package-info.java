/**
 * The hash-chained audit log and {@code @Audited}; the rule results with their explanations; the audit record of
 * every user task's completion.
 */
package org.partnerlifecycle.audit;
