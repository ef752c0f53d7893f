/**
 * The partner-health and partner-health-scheduler processes: their contract
 * ({@link org.partnerlifecycle.health.process.PartnerHealthProcess}) and their thin delegates and task listeners.
 */
package org.partnerlifecycle.health.process;
