package org.partnerlifecycle.partner;

/**
 * A partner's status changed outside onboarding (removed from the program, reinstated): published in the deciding
 * transaction, so that what follows the partner (its business-review cadence) follows it too.
 */
public record PartnerStatusChanged(String partnerId, PartnerStatus status) {
}
