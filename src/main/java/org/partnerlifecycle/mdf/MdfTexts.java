package org.partnerlifecycle.mdf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.rules.Tier;

/** How the MDF forms show facts: labels, not codes; dates and times with their zone (business dates are UTC). */
final class MdfTexts {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.US)
      .withZone(ZoneOffset.UTC);

  private MdfTexts() {
  }

  static String date(LocalDate date) {
    return DATE.format(date) + " (UTC)";
  }

  static String time(Instant at) {
    return TIME.format(at);
  }

  static String tier(Tier tier) {
    return switch (tier) {
      case FOUNDATION -> "Foundation";
      case GROWTH -> "Growth";
      case STRATEGIC -> "Strategic";
    };
  }

  static String use(MdfUse use) {
    return switch (use) {
      case EVENT -> "Event";
      case CONTENT -> "Content";
      case ADVERTISING -> "Advertising";
    };
  }
}
