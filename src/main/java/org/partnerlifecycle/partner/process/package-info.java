/**
 * The partner-onboarding process: its contract
 * ({@link org.partnerlifecycle.partner.process.PartnerOnboardingProcess}) and its thin delegates and task listeners,
 * one per BPMN task, calling the partner services.
 */
package org.partnerlifecycle.partner.process;
