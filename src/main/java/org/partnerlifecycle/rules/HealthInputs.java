package org.partnerlifecycle.rules;

import java.util.EnumMap;
import java.util.Map;

/**
 * A partner's health sub-scores, each 0–100 (100 = the best the playbook describes for that dimension). The score
 * weighs them with the terms' weights: revenue 30, activity 25, engagement 20, satisfaction 15, fit 10.
 */
public record HealthInputs(int revenue, int activity, int engagement, int satisfaction, int fit) {

  public HealthInputs {
    check("revenue", revenue);
    check("activity", activity);
    check("engagement", engagement);
    check("satisfaction", satisfaction);
    check("fit", fit);
  }

  public Map<HealthFactor, Integer> byFactor() {
    Map<HealthFactor, Integer> map = new EnumMap<>(HealthFactor.class);
    map.put(HealthFactor.REVENUE, revenue);
    map.put(HealthFactor.ACTIVITY, activity);
    map.put(HealthFactor.ENGAGEMENT, engagement);
    map.put(HealthFactor.SATISFACTION, satisfaction);
    map.put(HealthFactor.FIT, fit);
    return map;
  }

  private static void check(String name, int subScore) {
    if (subScore < 0 || subScore > 100) {
      throw new IllegalArgumentException(name + " must be a sub-score between 0 and 100: " + subScore);
    }
  }
}
