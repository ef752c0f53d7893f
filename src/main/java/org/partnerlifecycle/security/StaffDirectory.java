package org.partnerlifecycle.security;

/** Who the staff are: answers the onboarding's question "is this user a partner manager?". */
public interface StaffDirectory {

  boolean isMember(String userId, String groupId);
}
