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
   * What a partner did over the trailing 12 months: the sum of its commitment records whose periods fall in them
   * (SPEC §2). The guide's standards are yearly; a partner active for less than a year ({@code monthsActive} below
   * 12) owes them pro rata, rounded down ({@code perYear × monthsActive / 12}): after 7 months a GROWTH partner owes
   * 14 management meetings, 1 C-suite meeting and 1 enablement session, a STRATEGIC partner no CEO-level meeting yet.
   * Percent, business plan, relief and presence are not scaled.
   */
  public record Commitments(int monthsActive, int managementMeetingsHeld, int ceoMeetingsHeld,
      int cSuiteMeetingsHeld, int enablementSessionsHeld, int certifiedFieldPercent, boolean businessPlanAgreed,
      boolean commissionQuotaRelief, boolean salesEventPresence) {

    public Commitments {
      if (monthsActive < 0 || monthsActive > 12) {
        throw new IllegalArgumentException("monthsActive must be between 0 and 12: " + monthsActive);
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
   * The tier proposed at onboarding from the forecast: {@link #placement}, so a reseller or OEM forecast below its
   * GROWTH threshold is proposed by the REFERRAL thresholds as a REFERRAL partner.
   */
  public static RuleResult<Placement> proposeAtOnboarding(ProgramTerms terms, Motion motion, BigDecimal forecast) {
    Money.requireNonNegative("forecast", forecast);
    RuleResult<Placement> placed = placement(terms, motion, forecast);
    Placement p = placed.value();
    String text = strip(placed.explanation().text()) + ": proposed " + p.tier() + " " + p.motion();
    return Explanation.of("tier.onboardingProposal", terms).input("motion", motion).input("forecastAnnualRevenue",
        forecast).result(p, placed.explanation().cell(), p.tier() + " " + p.motion(), text);
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
    return Explanation.of("tier.participation", terms).input("monthsActive", done.monthsActive())
        .input("managementMeetingsHeld", done.managementMeetingsHeld()).input("ceoMeetingsHeld", done.ceoMeetingsHeld())
        .input("cSuiteMeetingsHeld", done.cSuiteMeetingsHeld())
        .input("enablementSessionsHeld", done.enablementSessionsHeld())
        .input("certifiedFieldPercent", done.certifiedFieldPercent())
        .input("businessPlanAgreed", done.businessPlanAgreed())
        .input("commissionQuotaRelief", done.commissionQuotaRelief())
        .input("salesEventPresence", done.salesEventPresence())
        .result(met, "participationStandards." + (met == Tier.FOUNDATION ? Tier.GROWTH : met), met.name(), text);
  }

  /** What falls short of a tier's standards in the period, or "" when all were met. */
  static String shortfall(ParticipationStandard standard, Commitments done) {
    StringBuilder missing = new StringBuilder();
    need(missing, "partner management meetings", done.managementMeetingsHeld(),
        scaled(standard.managementMeetingsPerYear(), done.monthsActive()));
    need(missing, "CEO-level meetings", done.ceoMeetingsHeld(), scaled(standard.ceoMeetingsPerYear(), done.monthsActive()));
    need(missing, "C-suite meetings", done.cSuiteMeetingsHeld(),
        scaled(standard.cSuiteMeetingsPerYear(), done.monthsActive()));
    need(missing, "enablement sessions", done.enablementSessionsHeld(),
        scaled(standard.enablementSessionsPerYear(), done.monthsActive()));
    need(missing, "% field teams certified", done.certifiedFieldPercent(), standard.certifiedFieldPercent());
    if (standard.businessPlanRequired() && !done.businessPlanAgreed()) {
      missing.append(missing.length() == 0 ? "" : ", ").append("no annual business plan");
    }
    if (standard.commissionQuotaReliefRequired() && !done.commissionQuotaRelief()) {
      missing.append(missing.length() == 0 ? "" : ", ").append("no commission and quota relief for field teams");
    }
    if (standard.salesEventPresenceRequired() && !done.salesEventPresence()) {
      missing.append(missing.length() == 0 ? "" : ", ")
          .append("no presence at the partner's sales kickoff, user conference and trade shows");
    }
    return missing.toString();
  }

  private static void need(StringBuilder missing, String what, int held, int required) {
    if (held < required) {
      missing.append(missing.length() == 0 ? "" : ", ").append(what).append(' ').append(held).append(" of ")
          .append(required);
    }
  }

  /** A yearly count owed after {@code months} of the year (12 = all of it), rounded down (SPEC §2). */
  static int scaled(int perYear, int months) {
    return new BigDecimal(perYear * months).divide(new BigDecimal(12), 0, RoundingMode.FLOOR).intValueExact();
  }

  /**
   * A WON deal's annual contract value (SPEC §2; the guide's thresholds are annual, seed 000 §5): {@code amount × 12
   * / termMonths} for terms longer than 12 months, the amount otherwise. $360,000 over 36 months counts $120,000.
   * TierReviewRepository sums the same in SQL.
   */
  public static BigDecimal annualValue(BigDecimal amount, int termMonths) {
    Money.requireNonNegative("amount", amount);
    if (termMonths < 1) {
      throw new IllegalArgumentException("termMonths must be at least 1: " + termMonths);
    }
    return termMonths <= 12 ? Money.cents(amount)
        : amount.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(termMonths), 2, RoundingMode.HALF_EVEN);
  }

  /**
   * Trailing-12-month annual revenue credited toward the thresholds: each attribution's annual sum at the terms'
   * qualification credit (playbook, seed 001 line 77: "full credit to partner-sourced, 25% credit to
   * partner-influenced") — not the influenced commission rate (50 %, attributionPercent).
   */
  public static RuleResult<BigDecimal> creditedRevenue(ProgramTerms terms, java.util.Map<Attribution, BigDecimal> annual) {
    Args.required("terms", terms);
    Args.required("annual", annual);
    BigDecimal total = BigDecimal.ZERO;
    StringBuilder text = new StringBuilder();
    Explanation.Builder why = Explanation.of("tier.creditedRevenue", terms);
    for (Attribution attribution : Attribution.values()) {
      BigDecimal sum = annual.getOrDefault(attribution, BigDecimal.ZERO);
      Money.requireNonNegative("annual." + attribution, sum);
      BigDecimal percent = terms.qualificationCreditPercent().get(attribution);
      BigDecimal credited = Money.percentOf(sum, percent);
      total = total.add(credited);
      why.input(attribution.name().toLowerCase(java.util.Locale.ROOT) + "AnnualRevenue", sum);
      text.append(text.length() == 0 ? "" : " + ").append(attribution).append(" $").append(plain(sum)).append(" at ")
          .append(percent.stripTrailingZeros().toPlainString()).append(" % credit = $").append(plain(credited));
    }
    BigDecimal credited = Money.cents(total);
    return why.result(credited, "qualificationCreditPercent", credited.toPlainString(),
        "Trailing-12-month annual revenue credited toward the thresholds: " + text + "; total $" + plain(credited));
  }

  /**
   * Where revenue places a partner contracted for {@code motion} (SPEC §2): the motion's own thresholds; a reseller
   * or OEM below its GROWTH threshold is placed by the REFERRAL thresholds as a REFERRAL partner (FOUNDATION allows
   * REFERRAL only, guide §5), and is back in its motion once it reaches that motion's GROWTH threshold. An OEM with
   * $900,000 is STRATEGIC REFERRAL (REFERRAL STRATEGIC is $300,000), not FOUNDATION.
   */
  public static RuleResult<Placement> placement(ProgramTerms terms, Motion motion, BigDecimal annualRevenue) {
    RuleResult<Tier> own = revenueTier(terms, motion, annualRevenue);
    if (motion == Motion.REFERRAL || own.value() != Tier.FOUNDATION) {
      return Explanation.of("tier.placement", terms).input("motion", motion).input("annualRevenue", annualRevenue)
          .result(new Placement(own.value(), motion), own.explanation().cell(), own.value() + " " + motion,
              strip(own.explanation().text()));
    }
    RuleResult<Tier> referral = revenueTier(terms, Motion.REFERRAL, annualRevenue);
    return Explanation.of("tier.placement", terms).input("motion", motion).input("annualRevenue", annualRevenue)
        .result(new Placement(referral.value(), Motion.REFERRAL), referral.explanation().cell(),
            referral.value() + " " + Motion.REFERRAL, strip(own.explanation().text()) + ", so placed by the REFERRAL "
                + "thresholds: " + strip(referral.explanation().text()) + " (as a REFERRAL partner until it reaches "
                + "the " + motion + " GROWTH threshold)");
  }

  /**
   * Qualified placement = the lower of the revenue placement's tier and the participation tier (program rule, SPEC
   * §2), under the placement's motion where that tier allows it, else REFERRAL (FOUNDATION allows REFERRAL only).
   */
  public static RuleResult<Placement> qualifiedPlacement(ProgramTerms terms, Motion contractedMotion,
      BigDecimal annualRevenue, Commitments commitments) {
    Money.requireNonNegative("annualRevenue", annualRevenue);
    Args.required("commitments", commitments);
    RuleResult<Placement> revenue = placement(terms, contractedMotion, annualRevenue);
    RuleResult<Tier> participation = participationTier(terms, commitments);
    Tier qualified = Tier.min(revenue.value().tier(), participation.value());
    Motion motion = terms.motionsByTier().get(qualified).contains(revenue.value().motion())
        ? revenue.value().motion() : Motion.REFERRAL;
    String text = "Qualified for " + qualified + " " + motion + ", the lower of revenue tier " + revenue.value().tier()
        + " (" + strip(revenue.explanation().text()) + ") and participation tier " + participation.value() + " ("
        + strip(participation.explanation().text()) + ")";
    return Explanation.of("tier.qualification", terms).input("motion", contractedMotion)
        .input("trailing12MonthRevenue", annualRevenue).input("revenueTier", revenue.value().tier())
        .input("participationTier", participation.value())
        .result(new Placement(qualified, motion),
            revenue.explanation().cell() + " + " + participation.explanation().cell(), qualified + " " + motion, text);
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
