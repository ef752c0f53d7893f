package org.partnerlifecycle.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the forms show the process's values, in one place: labels instead of codes ("Assisted reseller"), money
 * ("$200,000.00"), times with their zone ("2 Dec 2026, 21:23 UTC"), dates ("2 Dec 2026"), rates ("15%").
 * The engine stores times in UTC and the forms say so.
 */
public final class FormText {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-][0-9:]+)?");
  private static final Pattern CODE_IN_TEXT = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)*\\b");
  private static final Pattern ISO_TIME_IN_TEXT =
      Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?");
  /** Who did something, in the texts the processes write: "by mary", "(API, mary)". */
  private static final Pattern ACTOR_IN_TEXT = Pattern.compile("(\\bby |, )([a-z][a-z0-9._-]{0,63})\\b(?![.-]\\w)");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
  /** Codes whose label is not the code in sentence case. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("NA", "North America"), Map.entry("EMEA", "EMEA"), Map.entry("APAC", "APAC"),
      Map.entry("LATAM", "Latin America"), Map.entry("OEM", "OEM"), Map.entry("SMB", "SMB"),
      Map.entry("ADD_ON", "Add-on"), Map.entry("PAY_PER_USE", "Pay-per-use"), Map.entry("NPS", "NPS"),
      Map.entry("NO_FIRST_DEAL", "No first deal"), Map.entry("APPROVE_INFLUENCED", "Approve: partner-influenced"));

  private FormText() {
  }

  /** A code in words: {@code ASSISTED_RESELLER} is "Assisted reseller"; null is "—". */
  public static String label(Enum<?> code) {
    return code == null ? "—" : label(code.name());
  }

  /** A code in words; a text that is not a code stays as it is. */
  public static String label(String code) {
    if (code == null || code.isBlank()) {
      return "—";
    }
    if (!CODE.matcher(code).matches()) {
      return code;
    }
    String known = LABELS.get(code);
    if (known != null) {
      return known;
    }
    String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A code in words, lower case for the middle of a sentence ("15% revenue share"); acronyms stay. */
  public static String lowerLabel(Enum<?> code) {
    String label = label(code);
    return LABELS.containsKey(code.name()) ? label : label.toLowerCase(Locale.ROOT);
  }

  /** US dollars with cents: {@code $200,000.00}. */
  public static String money(BigDecimal amount) {
    return amount == null ? "—" : (amount.signum() < 0 ? "-$" : "$")
        + String.format(Locale.ROOT, "%,.2f", amount.abs());
  }

  /** A count with its noun: "1 statement", "3 statements". */
  public static String count(int count, String singular) {
    return count + " " + (count == 1 ? singular : singular + "s");
  }

  /** A rate in percent without trailing zeros: {@code 15%}, {@code 12.5%}. */
  public static String percent(BigDecimal percent) {
    return percent == null ? "—" : percent.stripTrailingZeros().toPlainString() + "%";
  }

  public static String dateTime(Instant instant) {
    return instant == null ? "—" : DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  public static String date(LocalDate date) {
    return date == null ? "—" : DATE.format(date);
  }

  /**
   * Any value of a process variable as a form shows it: a date or an ISO date-time string with its zone (a time
   * without one is the engine's, UTC), an ISO date, a code in words, a staff member's name for a user id (when
   * {@code userName} knows it), else the value's text.
   */
  public static String of(Object value, java.util.function.Function<String, String> userName) {
    if (value == null) {
      return "—";
    }
    if (value instanceof Date date) {
      return dateTime(date.toInstant());
    }
    if (value instanceof Instant instant) {
      return dateTime(instant);
    }
    if (value instanceof LocalDate date) {
      return date(date);
    }
    if (value instanceof Enum<?> code) {
      return label(code);
    }
    String text = value.toString();
    if (text.isBlank()) {
      return "—";
    }
    if (ISO_DATE.matcher(text).matches()) {
      return date(LocalDate.parse(text));
    }
    if (ISO_DATE_TIME.matcher(text).matches()) {
      return dateTime(parseInstant(text));
    }
    String name = userName == null ? null : userName.apply(text);
    if (name != null) {
      return name;
    }
    if (CODE.matcher(text).matches()) {
      return label(text);
    }
    String worded = prose(text);
    return userName == null ? worded : ACTOR_IN_TEXT.matcher(worded).replaceAll(m -> {
      String actor = userName.apply(m.group(2));
      return java.util.regex.Matcher.quoteReplacement(m.group(1) + (actor == null ? m.group(2) : actor));
    });
  }

  /**
   * A sentence as the forms show it: the codes in it in words ("proposed GROWTH ASSISTED_RESELLER" is "proposed
   * Growth Assisted reseller"; short acronyms such as OEM, NPS or SLA stay) and its ISO times with their zone.
   */
  public static String prose(String text) {
    if (text == null) {
      return "—";
    }
    // A time that starts a line heads an entry of a list ("2 Dec 2026, 21:23 UTC — Reporting ...").
    String timed = ISO_TIME_IN_TEXT.matcher(text).replaceAll(m -> dateTime(parseInstant(m.group()))
        + (m.start() == 0 || text.charAt(m.start() - 1) == '\n' ? " —" : ""));
    return CODE_IN_TEXT.matcher(timed).replaceAll(m -> {
      String code = m.group();
      return code.contains("_") || code.length() >= 4 || LABELS.containsKey(code) ? label(code) : code;
    });
  }

  private static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutZone) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }
}
