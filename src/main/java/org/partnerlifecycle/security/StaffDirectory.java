package org.partnerlifecycle.security;

/** Who the staff are: answers the onboarding's question "is this user a partner manager?". */
public interface StaffDirectory {

  boolean isMember(String userId, String groupId);

  /** The user's name as forms show it ("Mary Manager"), or the id when the user has none (or is not staff). */
  String name(String userId);

  /** The user's email address, when the user exists and has one. */
  java.util.Optional<String> email(String userId);
}
