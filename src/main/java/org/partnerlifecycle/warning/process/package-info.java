/**
 * The warning-escalation process: its contract
 * ({@link org.partnerlifecycle.warning.process.WarningEscalationProcess}), its thin delegates and task listeners,
 * and the cure-period timers.
 */
package org.partnerlifecycle.warning.process;
