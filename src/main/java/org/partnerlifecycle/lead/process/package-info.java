/**
 * The lead-routing process: its contract ({@link org.partnerlifecycle.lead.process.LeadRoutingProcess}) and its
 * thin delegates.
 */
package org.partnerlifecycle.lead.process;
