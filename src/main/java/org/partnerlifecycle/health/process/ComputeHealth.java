package org.partnerlifecycle.health.process;

import static org.partnerlifecycle.health.process.PartnerHealthProcess.COMPANY_NAME;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.COMPUTED_AT_TEXT;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.ENTERS_RISK;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.HEALTH_EXPLANATION_TEXT;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.HEALTH_ID;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.HEALTH_TEXT;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.PARTNER_MANAGER;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.PREVIOUS_HEALTH_TEXT;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.health.HealthService;
import org.partnerlifecycle.engine.FormText;
import org.partnerlifecycle.health.HealthService.Computed;
import org.partnerlifecycle.health.HealthView;
import org.partnerlifecycle.rules.HealthScore;
import org.springframework.stereotype.Component;

/** partner-health: {@code ComputeHealth} scores the partner and says whether it enters a risk band. */
@Component("computeHealth")
class ComputeHealth implements JavaDelegate {

  private final HealthService health;

  ComputeHealth(HealthService health) {
    this.health = health;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String partnerId = execution.getProcessBusinessKey();
    Computed computed = health.compute(partnerId, execution.getProcessInstanceId());
    Map<String, Object> variables = new HashMap<>();
    variables.put(HEALTH_ID, computed.healthId());
    variables.put(ENTERS_RISK, computed.entersRisk());
    if (computed.entersRisk()) {
      variables.put(COMPANY_NAME, health.companyName(partnerId));
      variables.put(PARTNER_MANAGER, health.partnerManager(partnerId));
      variables.put(HEALTH_TEXT, computed.health().score() + " of 100 — "
          + HealthScore.bandLabel(computed.health().band()));
      variables.put(PREVIOUS_HEALTH_TEXT, computed.previousBand() == null ? "none computed before"
          : HealthScore.bandLabel(computed.previousBand()));
      variables.put(HEALTH_EXPLANATION_TEXT, factorsText(computed.factorsJson()));
      variables.put(COMPUTED_AT_TEXT, FormText.dateTime(computed.computedAt()));
    }
    execution.setVariables(variables);
  }

  /**
   * The score for the manager, a factor a line: "Activity: 10 of 25 points — 1 deal registration in the last
   * quarter" (the rules' explanation, with its codes, stays in the audit trail).
   */
  static String factorsText(String factorsJson) {
    return HealthService.factorsOf(factorsJson).stream().map(ComputeHealth::factorLine)
        .collect(Collectors.joining("\n"));
  }

  private static String factorLine(HealthView.Factor factor) {
    return FormText.label(factor.factor()) + ": " + factor.points().stripTrailingZeros().toPlainString() + " of "
        + factor.max() + " points — " + FormText.prose(factor.input());
  }
}
