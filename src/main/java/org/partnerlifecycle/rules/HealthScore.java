package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.rules.ProgramTerms.HealthBand;
import org.partnerlifecycle.rules.ProgramTerms.HealthTerms;

/**
 * The playbook's partner health score, 0–100: revenue 30, activity 25, engagement 20, satisfaction 15, fit 10, with
 * the bands Champion 80–100, Healthy 60–79, At-risk 40–59, Critical 20–39, Churning 0–19.
 */
public final class HealthScore {

  public enum PortalActivity { WEEKLY, MONTHLY, QUARTERLY, INACTIVE }

  public enum StrategicFit { STRONG, MODERATE, WEAK }

  /**
   * The playbook's raw indicators, for callers that have them. {@code revenueGrowthPercent}: year over year (0 =
   * flat); {@code dealsLastQuarter}: registrations in the last quarter; {@code nps}: -100..100, null when unknown
   * (scores as negative, the cautious reading).
   */
  public record Indicators(BigDecimal revenueGrowthPercent, int dealsLastQuarter, PortalActivity portalActivity,
      Integer nps, StrategicFit strategicFit) {
  }

  /** The score, its band and the points each factor contributed (out of its weight). */
  public record Health(int score, String band, Map<HealthFactor, BigDecimal> points) {
  }

  private HealthScore() {
  }

  /**
   * Weighs 0–100 sub-scores: score = Σ sub-score × weight / 100, rounded half-up to a whole point (a score is not
   * money; 79.5 reads as 80 to a partner manager).
   */
  public static RuleResult<Health> score(ProgramTerms terms, HealthInputs inputs) {
    Args.required("terms", terms);
    Args.required("inputs", inputs);
    HealthTerms h = terms.health();
    Map<HealthFactor, BigDecimal> points = new EnumMap<>(HealthFactor.class);
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<HealthFactor, Integer> sub : inputs.byFactor().entrySet()) {
      BigDecimal p = new BigDecimal(sub.getValue()).multiply(new BigDecimal(h.weights().get(sub.getKey())))
          .divide(Money.HUNDRED);
      points.put(sub.getKey(), p);
      total = total.add(p);
    }
    int score = total.setScale(0, RoundingMode.HALF_UP).intValueExact();
    Explanation.Builder why = Explanation.of("health.score", terms);
    inputs.byFactor().forEach((factor, value) -> why.input(factor.name().toLowerCase(), value));
    return result(why, h, score, points, "weighted sub-scores " + h.weights());
  }

  /** Scores the playbook's indicators with its points table ("Health Score Calculation"). */
  public static RuleResult<Health> scoreFromIndicators(ProgramTerms terms, Indicators in) {
    Args.required("terms", terms);
    Args.required("indicators", in);
    Args.required("revenueGrowthPercent", in.revenueGrowthPercent());
    Args.required("portalActivity", in.portalActivity());
    Args.required("strategicFit", in.strategicFit());
    if (in.dealsLastQuarter() < 0) {
      throw new IllegalArgumentException("dealsLastQuarter must not be negative: " + in.dealsLastQuarter());
    }
    Map<HealthFactor, Map<String, Integer>> table = terms.health().indicatorPoints();
    int growthSign = in.revenueGrowthPercent().signum();
    int deals = in.dealsLastQuarter();
    Integer nps = in.nps();
    Map<HealthFactor, BigDecimal> points = new EnumMap<>(HealthFactor.class);
    points.put(HealthFactor.REVENUE, points(table, HealthFactor.REVENUE,
        in.revenueGrowthPercent().compareTo(new BigDecimal("20")) >= 0 ? "growing20PlusPercent"
            : growthSign > 0 ? "growing" : growthSign == 0 ? "flat" : "declining"));
    points.put(HealthFactor.ACTIVITY, points(table, HealthFactor.ACTIVITY,
        deals >= 5 ? "fivePlusDeals" : deals >= 3 ? "threeToFourDeals" : deals >= 1 ? "oneToTwoDeals" : "noDeals"));
    points.put(HealthFactor.ENGAGEMENT, points(table, HealthFactor.ENGAGEMENT, in.portalActivity().name()));
    points.put(HealthFactor.SATISFACTION, points(table, HealthFactor.SATISFACTION,
        nps == null || nps < 0 ? "npsNegative" : nps >= 50 ? "nps50Plus" : nps >= 25 ? "nps25To49" : "nps0To24"));
    points.put(HealthFactor.FIT, points(table, HealthFactor.FIT, in.strategicFit().name()));
    int score = points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).intValueExact();
    Explanation.Builder why = Explanation.of("health.score", terms)
        .input("revenueGrowthPercent", in.revenueGrowthPercent()).input("dealsLastQuarter", deals)
        .input("portalActivity", in.portalActivity()).input("nps", nps).input("strategicFit", in.strategicFit());
    return result(why, terms.health(), score, points, "the playbook's indicator points");
  }

  /** The bands that call for the at-risk playbook (seed 001 line 1698: "At-risk  Declining, disengaged  Intervention plan"). */
  public static final java.util.Set<String> RISK_BANDS = java.util.Set.of("AT_RISK", "CRITICAL", "CHURNING");

  /**
   * Whether a partner enters At-risk, Critical or Churning (SPEC §3 partner-health): its new band is one of them and
   * lower than its previous band (or it had none). A partner staying in its risk band does not enter it again.
   */
  public static boolean entersRisk(ProgramTerms terms, String previousBand, String band) {
    Args.required("band", band);
    if (!RISK_BANDS.contains(band)) {
      return false;
    }
    if (previousBand == null) {
      return true;
    }
    List<String> order = terms.health().bands().stream().map(HealthBand::name).toList();
    return order.indexOf(band) > order.indexOf(previousBand);
  }

  /** A band as people say it: AT_RISK → At-risk. */
  public static String bandLabel(String band) {
    return switch (band) {
      case "AT_RISK" -> "At-risk";
      default -> band.charAt(0) + band.substring(1).toLowerCase();
    };
  }

  private static BigDecimal points(Map<HealthFactor, Map<String, Integer>> table, HealthFactor factor,
      String indicator) {
    return new BigDecimal(table.get(factor).get(indicator));
  }

  private static RuleResult<Health> result(Explanation.Builder why, HealthTerms h, int score,
      Map<HealthFactor, BigDecimal> points, String method) {
    HealthBand band = h.bands().stream().filter(b -> score >= b.min()).findFirst().orElseThrow();
    return why.result(new Health(score, band.name(), Collections.unmodifiableMap(points)),
        "health.bands." + band.name(), score + " " + band.name(),
        "Health score " + score + " of 100 (" + band.name() + ", from " + band.min() + "), by " + method + ": "
            + points);
  }
}
