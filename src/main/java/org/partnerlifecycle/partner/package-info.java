/**
 * Partners: applications, onboarding steps, partners and their directory, entitlements.
 */
package org.partnerlifecycle.partner;
