/**
 * Tier reviews: evaluation, confirmation and leadership approval, commitments, tier history and the review
 * scheduler.
 */
package org.partnerlifecycle.tier;
