package org.partnerlifecycle.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.partnerlifecycle.rules.HealthFactor;

/** {@code GET /api/partners/{id}/health}: the latest score with each factor's points and the indicator it scored. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthView(String partnerId, int score, String band, String bandLabel, List<Factor> factors,
    String explanation, String computedAt, String termsVersion, AtRiskReview atRiskReview) {

  /** One factor: its points of {@code max} (its weight in the terms) and the recorded fact it scored. */
  public record Factor(HealthFactor factor, BigDecimal points, int max, String input) {
  }

  /** The manager's decision on a score that entered a risk band (ReviewAtRiskPartner). */
  public record AtRiskReview(String decision, String actionPlan, String decidedBy) {
  }
}
