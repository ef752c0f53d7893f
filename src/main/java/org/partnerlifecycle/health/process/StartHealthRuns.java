package org.partnerlifecycle.health.process;

import static org.partnerlifecycle.health.process.PartnerHealthProcess.AFTER_PARTNER_ID;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.BATCH_SIZE;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.MORE_PARTNERS;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.partnerlifecycle.health.HealthService;
import org.springframework.stereotype.Component;

/**
 * partner-health-scheduler: {@code StartHealthRuns} starts partner-health for the next page of ACTIVE partners (by
 * id, after the last one started), one page per transaction: memory stays flat however many partners there are.
 */
@Component("startHealthRuns")
class StartHealthRuns implements JavaDelegate {

  private final HealthService health;
  private final PartnerHealthProcess process;

  StartHealthRuns(HealthService health, PartnerHealthProcess process) {
    this.health = health;
    this.process = process;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object after = execution.getVariable(AFTER_PARTNER_ID);
    List<String> page = health.activePartnersAfter(after == null ? "" : after.toString(), BATCH_SIZE);
    page.forEach(process::start);
    execution.setVariable(MORE_PARTNERS, page.size() == BATCH_SIZE);
    if (!page.isEmpty()) {
      execution.setVariable(AFTER_PARTNER_ID, page.get(page.size() - 1));
    }
  }
}
