package org.partnerlifecycle.engine;

import java.util.Arrays;

/** Checks on task decisions: one of the allowed values, reasons present and not oversized. */
public final class Decisions {

  public static final int MAX_TEXT = 2000;

  /** The two answers of most approval forms. */
  public enum Verdict { APPROVE, REJECT }

  private Decisions() {
  }

  /** The option a form sent, as its enum; anything else is refused, naming the field and the options. */
  public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> options) {
    for (E option : options.getEnumConstants()) {
      if (option.name().equals(value)) {
        return option;
      }
    }
    throw new InvalidDecisionException(field, "must be one of "
        + Arrays.stream(options.getEnumConstants()).map(Enum::name).sorted().toList());
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
