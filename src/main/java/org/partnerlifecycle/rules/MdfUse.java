package org.partnerlifecycle.rules;

/** What market development funds may pay for (playbook "MDF Best Practices": "Events, content, advertising, not swag"). */
public enum MdfUse {
  EVENT, CONTENT, ADVERTISING
}
