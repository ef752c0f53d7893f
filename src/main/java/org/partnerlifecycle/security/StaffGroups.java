package org.partnerlifecycle.security;

import java.util.List;

/** The Camunda groups of SPEC §1, and the Spring Security authority each becomes. */
public final class StaffGroups {

  public static final String PARTNER_MANAGERS = "partner-managers";
  public static final String LEADERSHIP = "leadership";
  public static final String AUDITORS = "auditors";
  public static final String FINANCE = "finance";
  public static final String ADMIN = "camunda-admin";

  public static final List<String> ALL = List.of(PARTNER_MANAGERS, LEADERSHIP, AUDITORS, FINANCE, ADMIN);

  /** Authority prefix for a Camunda group membership, e.g. {@code GROUP_leadership}. */
  public static final String AUTHORITY_PREFIX = "GROUP_";

  public static String authority(String groupId) {
    return AUTHORITY_PREFIX + groupId;
  }

  private StaffGroups() {
  }
}
