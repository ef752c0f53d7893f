package org.partnerlifecycle.mdf;

import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.rules.Tier;

/** How the MDF forms show codes: as labels. */
final class MdfTexts {

  private MdfTexts() {
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
