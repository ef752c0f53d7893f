package org.partnerlifecycle.program;

/**
 * The program KPIs, each defined over the records it counts (the playbook's "Key Partnership Metrics", seed 001
 * lines 176-183, and "Partner Success Metrics", lines 1720-1728). Every figure is the share (or sum, or median) of
 * a set of records that {@code GET /api/program/kpis/{kpi}/records} lists, {@code counted} marking the numerator.
 */
enum Kpi {
  SOURCED_REVENUE("sourcedRevenue", "Partner-sourced revenue: the closed amount of WON deal registrations approved "
      + "as partner-sourced, closed from `from` to `to`; its share is of all WON partner registrations closed then "
      + "(the program records no direct revenue). Playbook target 20-30% of total (seed 001 line 178)."),
  INFLUENCED_REVENUE("influencedRevenue", "Partner-influenced revenue: the closed amount of WON deal registrations "
      + "approved as partner-influenced (the account was already in direct pipeline), closed from `from` to `to`; "
      + "share as for sourced. Playbook target 40-50% of total (seed 001 line 179)."),
  ACTIVATION_RATE("activationRate", "Partner activation rate: of the partners activated by `to`, the share with at "
      + "least one WON deal closed by `to` (\"Partners with 1+ deal / total partners\", target 60%+, seed 001 line "
      + "1725)."),
  DAYS_TO_FIRST_DEAL("medianDaysToFirstDeal", "Median days to first deal: for the partners whose first WON deal "
      + "closed from `from` to `to`, the median of the days from signup (the application) to that close (\"Days "
      + "from signup to first closed deal\", target <90, seed 001 line 1724)."),
  LEAD_ACCEPTANCE("leadAcceptance", "Lead acceptance: of the lead offers made from `from` to `to`, the share the "
      + "partner accepted (declined and timed-out offers count against it)."),
  LEAD_CONVERSION("leadConversion", "Lead conversion: of the lead offers accepted from `from` to `to`, the share "
      + "whose partner registered the lead's customer afterwards and won the deal."),
  BUSINESS_REVIEW_COMPLETION("businessReviewCompletion", "Business-review completion: of the business reviews due "
      + "from `from` to `to` (up to today; cancelled ones excluded), the share held (\"QBRs held / QBRs scheduled\", "
      + "target 90%+, seed 001 line 1728)."),
  PARTNER_RETENTION("partnerRetention", "Partner retention: of the partners active on `from` (activated before it, "
      + "not removed), the share not removed by `to` (\"Partners active YoY\", target 80%+, seed 001 line 1726).");

  private final String field;
  private final String definition;

  Kpi(String field, String definition) {
    this.field = field;
    this.definition = definition;
  }

  String field() {
    return field;
  }

  String definition() {
    return definition;
  }

  String path() {
    return name().toLowerCase().replace('_', '-');
  }

  static Kpi ofPath(String path) {
    for (Kpi kpi : values()) {
      if (kpi.path().equals(path)) {
        return kpi;
      }
    }
    return null;
  }
}
