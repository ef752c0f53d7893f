package org.partnerlifecycle.rules;

/** Go-to-market motions. */
public enum Motion {
  REFERRAL, ASSISTED_RESELLER, FULL_RESELLER, OEM
}
