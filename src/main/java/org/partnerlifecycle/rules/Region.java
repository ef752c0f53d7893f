package org.partnerlifecycle.rules;

/** Sales regions. */
public enum Region {
  NA, EMEA, APAC, LATAM
}
