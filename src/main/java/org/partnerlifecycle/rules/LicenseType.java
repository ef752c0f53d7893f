package org.partnerlifecycle.rules;

/** Licence types of the marketplace (purchasing guide). */
public enum LicenseType {
  SUBSCRIPTION, VOLUME, PAY_PER_USE
}
