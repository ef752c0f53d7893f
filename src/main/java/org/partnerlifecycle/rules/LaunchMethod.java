package org.partnerlifecycle.rules;

/** Supported course launch methods. */
public enum LaunchMethod {
  SCORM, AICC, LAUNCH_LINKS_SSO
}
