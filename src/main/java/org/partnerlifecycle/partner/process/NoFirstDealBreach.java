package org.partnerlifecycle.partner.process;

/**
 * The activation check's way to raise a NO_FIRST_DEAL compliance breach (source ACTIVATION_CHECK), implemented by
 * the warning capability: onboarding does not depend on the escalation it may start.
 */
public interface NoFirstDealBreach {

  void raise(String partnerId, String note, String reportedBy);
}
