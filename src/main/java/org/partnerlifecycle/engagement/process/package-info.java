/**
 * The business-review process: its contract ({@link org.partnerlifecycle.engagement.process.BusinessReviewProcess})
 * and its thin delegates and task listeners.
 */
package org.partnerlifecycle.engagement.process;
