package org.partnerlifecycle.rules;

/** Integration types by motion and tier. */
public enum IntegrationType {
  DIRECT_INTEGRATION, GRAPHQL, ENTERPRISE_CONTENT_PLATFORM
}
