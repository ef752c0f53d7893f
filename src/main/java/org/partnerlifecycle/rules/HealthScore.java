package org.partnerlifecycle.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnerlifecycle.rules.ProgramTerms.HealthBand;
import org.partnerlifecycle.rules.ProgramTerms.HealthTerms;

/** The playbook's partner health score: revenue 30, activity 25, engagement 20, satisfaction 15, fit 10. */
public final class HealthScore {

  public enum PortalActivity { WEEKLY, MONTHLY, QUARTERLY, INACTIVE }

  public enum StrategicFit { STRONG, MODERATE, WEAK }

  /**
   * {@code revenueGrowthPercent}: year over year (0 = flat); {@code dealsLastQuarter}: registrations in the last
   * quarter; {@code nps}: -100..100, null when unknown (scores as negative, the cautious reading).
   */
  public record Inputs(BigDecimal revenueGrowthPercent, int dealsLastQuarter, PortalActivity portalActivity,
      Integer nps, StrategicFit strategicFit) {
  }

  public record Health(int score, String band, Map<String, Integer> points) {
  }

  private HealthScore() {
  }

  public static RuleResult<Health> score(ProgramTerms terms, Inputs in) {
    if (in.revenueGrowthPercent() == null || in.portalActivity() == null || in.strategicFit() == null
        || in.dealsLastQuarter() < 0) {
      throw new IllegalArgumentException("health inputs are incomplete: " + in);
    }
    HealthTerms h = terms.health();
    int growthSign = in.revenueGrowthPercent().signum();
    Map<String, Integer> points = new LinkedHashMap<>();
    points.put("revenue", in.revenueGrowthPercent().compareTo(new BigDecimal("20")) >= 0
        ? h.revenue().get("growing20PlusPercent") : growthSign > 0 ? h.revenue().get("growing")
        : growthSign == 0 ? h.revenue().get("flat") : h.revenue().get("declining"));
    int deals = in.dealsLastQuarter();
    points.put("activity", deals >= 5 ? h.activity().get("fivePlusDeals") : deals >= 3
        ? h.activity().get("threeToFourDeals") : deals >= 1 ? h.activity().get("oneToTwoDeals")
        : h.activity().get("noDeals"));
    points.put("engagement", h.engagement().get(in.portalActivity().name()));
    Integer nps = in.nps();
    points.put("satisfaction", nps == null || nps < 0 ? h.satisfaction().get("npsNegative") : nps >= 50
        ? h.satisfaction().get("nps50Plus") : nps >= 25 ? h.satisfaction().get("nps25To49")
        : h.satisfaction().get("nps0To24"));
    points.put("fit", h.fit().get(in.strategicFit().name()));
    int score = points.values().stream().mapToInt(Integer::intValue).sum();
    HealthBand band = h.bands().stream().filter(b -> score >= b.min()).findFirst().orElseThrow();
    return Explanation.of("health.score", terms).input("revenueGrowthPercent", in.revenueGrowthPercent())
        .input("dealsLastQuarter", deals).input("portalActivity", in.portalActivity()).input("nps", nps)
        .input("strategicFit", in.strategicFit())
        .result(new Health(score, band.name(), points), "health.bands." + band.name(), score + " " + band.name(),
            "Health " + score + " (" + band.name() + "): " + points);
  }
}
