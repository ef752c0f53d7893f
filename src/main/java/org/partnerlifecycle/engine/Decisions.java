package org.partnerlifecycle.engine;

import java.util.Set;

/** Checks on task decisions: one of the allowed values, reasons present and not oversized. */
public final class Decisions {

  public static final int MAX_TEXT = 2000;

  private Decisions() {
  }

  public static void requireOneOf(String field, String value, Set<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      throw new InvalidDecisionException(field, "must be one of " + allowed.stream().sorted().toList());
    }
  }

  public static String optionalText(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw new InvalidDecisionException(field, "must be at most " + MAX_TEXT + " characters");
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  public static void requireText(String field, String value, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidDecisionException(field, message);
    }
  }
}
