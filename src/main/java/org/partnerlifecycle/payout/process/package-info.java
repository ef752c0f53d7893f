/**
 * The payout-run process: its contract ({@link org.partnerlifecycle.payout.process.PayoutRunProcess}) and its thin
 * delegates and task listeners, one per BPMN task, calling the payout service.
 */
package org.partnerlifecycle.payout.process;
