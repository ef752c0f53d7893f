/**
 * Leads: routing by the published rule, offers with an acceptance window, and the transparency report.
 */
package org.partnerlifecycle.lead;
