/**
 * Compliance breaches and the three-step warning escalation: private warning, referrals paused, public
 * removal; good standing and reinstatement.
 */
package org.partnerlifecycle.warning;
