/**
 * The deal-registration process: its contract
 * ({@link org.partnerlifecycle.deal.process.DealRegistrationProcess}) and its thin delegates and task listeners,
 * one per BPMN task, calling the deal services.
 */
package org.partnerlifecycle.deal.process;
