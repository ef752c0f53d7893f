package org.partnerlifecycle.security;

import java.security.Principal;

/** A partner company calling with one of its API keys. */
public record PartnerPrincipal(String partnerId, String keyId) implements Principal {

  public static final String AUTHORITY = "PARTNER";

  @Override
  public String getName() {
    return "partner:" + partnerId;
  }
}
