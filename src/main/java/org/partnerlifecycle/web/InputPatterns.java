package org.partnerlifecycle.web;

/** Input patterns shared by the API's request records. */
public final class InputPatterns {

  /** A web domain, optionally with scheme, "www." and a trailing slash: example.com, https://www.example.com/. */
  public static final String DOMAIN =
      "^(?i)(https?://)?(www\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}/?$";
  public static final String DOMAIN_MESSAGE = "must be a domain name such as example.com";

  /** Names and free text: no control characters, no markup brackets. */
  public static final String PLAIN_TEXT = "^[^\\p{Cntrl}<>]*$";
  public static final String PLAIN_TEXT_MESSAGE = "must not contain control characters or < >";

  private InputPatterns() {
  }
}
