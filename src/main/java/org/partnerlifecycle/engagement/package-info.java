/**
 * Engagement with a partner: meetings (logged through the API or HoldBusinessReview) and what they count toward the
 * participation standards, and the business reviews on each tier's cadence.
 */
package org.partnerlifecycle.engagement;
