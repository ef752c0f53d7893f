package org.partnerlifecycle.rules;

/** The five dimensions of the playbook's partner health score (weights 30/25/20/15/10 in the terms). */
public enum HealthFactor {
  REVENUE, ACTIVITY, ENGAGEMENT, SATISFACTION, FIT
}
