package org.partnerlifecycle.warning;

/** What a partner failed to do (seed 002, Part 6: maintenance, reporting, marketing; and the program's own checks). */
public enum BreachCategory {
  PARTICIPATION_STANDARDS, NO_FIRST_DEAL, INTEGRATION_MAINTENANCE, REPORTING, MARKETING, CONDUCT, OTHER
}
