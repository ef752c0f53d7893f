package org.partnerlifecycle.web;

/** Input patterns shared by the API's request records. */
public final class InputPatterns {

  /** A web domain, optionally with scheme, "www." and a trailing slash: example.com, https://www.example.com/. */
  public static final String DOMAIN =
      "^(?i)(https?://)?(www\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}/?$";
  public static final String DOMAIN_MESSAGE = "must be a domain name such as example.com";

  /**
   * Names and free text: no control characters (Cc), no Unicode format characters (Cf: bidi overrides such as
   * U+202E, zero-width spaces, joiners), no lone surrogates, no line or paragraph separators, no markup brackets.
   * Every string in a JSON request body is also checked for the same characters by {@link StrictJsonBodies}, so a
   * field without this pattern (an e-mail address, an enum) cannot carry them either.
   */
  public static final String PLAIN_TEXT = "^[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}<>]*$";
  public static final String PLAIN_TEXT_MESSAGE =
      "must not contain control characters, invisible formatting characters (such as U+202E or U+200B) or < >";

  /** The answer for a string carrying a character {@link #hasForbiddenCharacter} finds. */
  public static final String FORBIDDEN_CHARACTER_MESSAGE =
      "must not contain control characters or invisible formatting characters (such as U+202E or U+200B)";

  /**
   * True when the text holds a control character, a Unicode format character (bidi overrides and isolates,
   * zero-width space, joiners, BOM, soft hyphen), a lone surrogate or a line/paragraph separator: characters that
   * make a name look different from what it is, or break logs, CSV exports and PostgreSQL's UTF-8.
   */
  public static boolean hasForbiddenCharacter(String text) {
    return text != null && text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> true;
      default -> false;
    });
  }

  private InputPatterns() {
  }
}
