package org.partnerlifecycle.security;

import java.security.Principal;

/** A staff member authenticated against the Camunda users. */
public record StaffPrincipal(String userId) implements Principal {

  @Override
  public String getName() {
    return userId;
  }
}
