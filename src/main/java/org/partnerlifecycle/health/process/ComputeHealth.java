package org.partnerlifecycle.health.process;

import static org.partnerlifecycle.health.process.PartnerHealthProcess.COMPANY_NAME;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.COMPUTED_AT_TEXT;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.ENTERS_RISK;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.HEALTH_EXPLANATION;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.HEALTH_ID;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.HEALTH_TEXT;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.PARTNER_MANAGER;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.PREVIOUS_HEALTH_TEXT;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.health.HealthService;
import org.partnerlifecycle.health.HealthService.Computed;
import org.partnerlifecycle.rules.HealthScore;
import org.springframework.stereotype.Component;

/** partner-health: {@code ComputeHealth} scores the partner and says whether it enters a risk band. */
@Component("computeHealth")
class ComputeHealth implements JavaDelegate {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
      Locale.ENGLISH).withZone(ZoneOffset.UTC);

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
      variables.put(HEALTH_EXPLANATION, computed.explanation());
      variables.put(COMPUTED_AT_TEXT, WHEN.format(computed.computedAt()));
    }
    execution.setVariables(variables);
  }
}
