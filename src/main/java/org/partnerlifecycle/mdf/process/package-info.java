/**
 * The mdf-request process: its contract ({@link org.partnerlifecycle.mdf.process.MdfRequestProcess}), its thin
 * delegates and task listeners, and the timers of the year-end lapse and the overdue reimbursement.
 */
package org.partnerlifecycle.mdf.process;
