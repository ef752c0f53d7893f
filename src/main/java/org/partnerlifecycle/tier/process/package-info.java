/**
 * The tier-review and tier-review-scheduler processes: their contract
 * ({@link org.partnerlifecycle.tier.process.TierReviewProcess}) and their thin delegates and task listeners.
 */
package org.partnerlifecycle.tier.process;
