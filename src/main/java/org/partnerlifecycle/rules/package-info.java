/**
 * The program's terms and rules: eligibility, tiers, incentives, payouts and clawbacks, health, lead allocation.
 * Plain Java with their explanations: no Spring, Camunda, servlet or JDBC (ArchitectureTest).
 */
package org.partnerlifecycle.rules;
