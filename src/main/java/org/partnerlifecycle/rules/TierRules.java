package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.partnerlifecycle.rules.ProgramTerms.ParticipationStandard;

/** Tier qualification: revenue thresholds per motion, participation standards, and the lower of the two. */
public final class TierRules {

  /** A tier and the motion the partner works under there. */
  public record Placement(Tier tier, Motion motion) {
  }

  /**
   * What a partner did in a review period. The guide states yearly standards; the terms hold them per year (weekly
   * management meetings = 52, twice-monthly = 24) and they are scaled to the period's length ({@code periodMonths}
   * / 12, rounded up, so a standard partly due in the period is due): a 6-month STRATEGIC review expects 26
   * meetings, 1 CEO-level meeting, 2 C-suite meetings and 2 enablement sessions. Percent and business plan are not
   * scaled.
   */
  public record Commitments(int periodMonths, int managementMeetingsHeld, int ceoMeetingsHeld,
      int cSuiteMeetingsHeld, int enablementSessionsHeld, int certifiedFieldPercent, boolean businessPlanAgreed) {

    public Commitments {
      if (periodMonths < 1 || periodMonths > 24) {
        throw new IllegalArgumentException("periodMonths must be between 1 and 24: " + periodMonths);
      }
      if (managementMeetingsHeld < 0 || ceoMeetingsHeld < 0 || cSuiteMeetingsHeld < 0 || enablementSessionsHeld < 0) {
        throw new IllegalArgumentException("meeting and session counts must not be negative");
      }
      if (certifiedFieldPercent < 0 || certifiedFieldPercent > 100) {
        throw new IllegalArgumentException("certifiedFieldPercent must be between 0 and 100: " + certifiedFieldPercent);
      }
    }
  }

  private TierRules() {
  }

  /** The highest tier whose revenue threshold for the motion the annual revenue reaches. */
  public static RuleResult<Tier> revenueTier(ProgramTerms terms, Motion motion, BigDecimal annualRevenue) {
    Args.required("terms", terms);
    Args.required("motion", motion);
    Money.requireNonNegative("annualRevenue", annualRevenue);
    BigDecimal growth = terms.revenueThresholds().get(motion).get(Tier.GROWTH);
    BigDecimal strategic = terms.revenueThresholds().get(motion).get(Tier.STRATEGIC);
    Tier tier = annualRevenue.compareTo(strategic) >= 0 ? Tier.STRATEGIC
        : annualRevenue.compareTo(growth) >= 0 ? Tier.GROWTH : Tier.FOUNDATION;
    String cell = tier == Tier.FOUNDATION ? "revenueThresholds." + motion + ".GROWTH"
        : "revenueThresholds." + motion + "." + tier;
    String text = tier == Tier.FOUNDATION
        ? "$" + plain(annualRevenue) + " is below the " + motion + " GROWTH threshold of $" + plain(growth)
        : "$" + plain(annualRevenue) + " reaches the " + motion + " " + tier + " threshold of $"
            + plain(terms.revenueThresholds().get(motion).get(tier));
    return Explanation.of("tier.revenue", terms).input("motion", motion).input("annualRevenue", annualRevenue)
        .result(tier, cell, tier.name(), text);
  }

  /**
   * The tier proposed at onboarding from the forecast. A reseller or OEM forecast below GROWTH is proposed as
   * FOUNDATION REFERRAL: FOUNDATION allows the REFERRAL motion only.
   */
  public static RuleResult<Placement> proposeAtOnboarding(ProgramTerms terms, Motion motion, BigDecimal forecast) {
    Money.requireNonNegative("forecast", forecast);
    RuleResult<Tier> byRevenue = revenueTier(terms, motion, forecast);
    Tier tier = byRevenue.value();
    boolean allowed = terms.motionsByTier().get(tier).contains(motion);
    Motion proposedMotion = allowed ? motion : Motion.REFERRAL;
    String text = byRevenue.explanation().text().replaceFirst(" \\(terms .*\\)$", "") + ": proposed " + tier
        + (allowed ? " " + motion : " REFERRAL, because " + tier + " allows only " + terms.motionsByTier().get(tier)
            + " and the forecast is below the " + motion + " GROWTH threshold");
    return Explanation.of("tier.onboardingProposal", terms).input("motion", motion).input("forecastAnnualRevenue",
        forecast).result(new Placement(tier, proposedMotion), byRevenue.explanation().cell(),
        tier + " " + proposedMotion, text);
  }

  /** The highest tier whose participation standards (all of them) were met in the period. */
  public static RuleResult<Tier> participationTier(ProgramTerms terms, Commitments done) {
    Args.required("terms", terms);
    Args.required("commitments", done);
    Tier met = Tier.FOUNDATION;
    String shortfall = "";
    for (Tier tier : new Tier[] {Tier.GROWTH, Tier.STRATEGIC}) {
      String missing = shortfall(terms.participationStandards().get(tier), done);
      if (!missing.isEmpty()) {
        shortfall = tier + " not met: " + missing;
        break;
      }
      met = tier;
    }
    String text = met == Tier.STRATEGIC ? "All STRATEGIC participation standards met"
        : "Participation standards met up to " + met + "; " + shortfall;
    return Explanation.of("tier.participation", terms).input("periodMonths", done.periodMonths())
        .input("managementMeetingsHeld", done.managementMeetingsHeld()).input("ceoMeetingsHeld", done.ceoMeetingsHeld())
        .input("cSuiteMeetingsHeld", done.cSuiteMeetingsHeld())
        .input("enablementSessionsHeld", done.enablementSessionsHeld())
        .input("certifiedFieldPercent", done.certifiedFieldPercent())
        .input("businessPlanAgreed", done.businessPlanAgreed())
        .result(met, "participationStandards." + (met == Tier.FOUNDATION ? Tier.GROWTH : met), met.name(), text);
  }

  /** What falls short of a tier's standards in the period, or "" when all were met. */
  static String shortfall(ParticipationStandard standard, Commitments done) {
    StringBuilder missing = new StringBuilder();
    need(missing, "partner management meetings", done.managementMeetingsHeld(),
        scaled(standard.managementMeetingsPerYear(), done.periodMonths()));
    need(missing, "CEO-level meetings", done.ceoMeetingsHeld(), scaled(standard.ceoMeetingsPerYear(), done.periodMonths()));
    need(missing, "C-suite meetings", done.cSuiteMeetingsHeld(),
        scaled(standard.cSuiteMeetingsPerYear(), done.periodMonths()));
    need(missing, "enablement sessions", done.enablementSessionsHeld(),
        scaled(standard.enablementSessionsPerYear(), done.periodMonths()));
    need(missing, "% field teams certified", done.certifiedFieldPercent(), standard.certifiedFieldPercent());
    if (standard.businessPlanRequired() && !done.businessPlanAgreed()) {
      missing.append(missing.length() == 0 ? "" : ", ").append("no annual business plan");
    }
    return missing.toString();
  }

  private static void need(StringBuilder missing, String what, int held, int required) {
    if (held < required) {
      missing.append(missing.length() == 0 ? "" : ", ").append(what).append(' ').append(held).append(" of ")
          .append(required);
    }
  }

  /** A yearly count scaled to a period of {@code months}, rounded up. */
  static int scaled(int perYear, int months) {
    return new BigDecimal(perYear * months).divide(new BigDecimal(12), 0, RoundingMode.CEILING).intValueExact();
  }

  /** Qualified tier = the lower of the revenue tier and the participation tier (program rule, SPEC §2). */
  public static RuleResult<Tier> qualifiedTier(ProgramTerms terms, Motion motion, BigDecimal trailingRevenue,
      Commitments commitments) {
    Money.requireNonNegative("trailingRevenue", trailingRevenue);
    Args.required("commitments", commitments);
    RuleResult<Tier> revenue = revenueTier(terms, motion, trailingRevenue);
    RuleResult<Tier> participation = participationTier(terms, commitments);
    Tier qualified = Tier.min(revenue.value(), participation.value());
    String text = "Qualified for " + qualified + ", the lower of revenue tier " + revenue.value() + " ("
        + strip(revenue.explanation().text()) + ") and participation tier " + participation.value() + " ("
        + strip(participation.explanation().text()) + ")";
    return Explanation.of("tier.qualification", terms).input("motion", motion)
        .input("trailing12MonthRevenue", trailingRevenue).input("revenueTier", revenue.value())
        .input("participationTier", participation.value())
        .result(qualified, revenue.explanation().cell() + " + " + participation.explanation().cell(),
            qualified.name(), text);
  }

  static String strip(String text) {
    return text.replaceFirst(" \\(terms [^)]*\\)$", "");
  }

  private static String plain(BigDecimal amount) {
    return String.format(java.util.Locale.ROOT, "%,.2f", amount);
  }
}
