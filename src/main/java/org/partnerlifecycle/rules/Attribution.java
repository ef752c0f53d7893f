package org.partnerlifecycle.rules;

/** How much of a deal the partner is credited with (playbook): sourced 100 %, influenced 50 %. */
public enum Attribution {
  SOURCED, INFLUENCED
}
