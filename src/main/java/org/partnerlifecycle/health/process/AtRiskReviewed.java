package org.partnerlifecycle.health.process;

import static org.partnerlifecycle.health.process.PartnerHealthProcess.ACTION_PLAN;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.AT_RISK_DECISION;
import static org.partnerlifecycle.health.process.PartnerHealthProcess.HEALTH_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.health.HealthService;
import org.springframework.stereotype.Component;

/**
 * partner-health: completion of {@code ReviewAtRiskPartner} — PLAN with the action plan, or RAISE_BREACH with the
 * breach's detail (into the warning escalation).
 */
@Component("atRiskReviewed")
class AtRiskReviewed extends CheckedTaskCompletion {

  private final HealthService health;

  AtRiskReviewed(HealthService health) {
    this.health = health;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    health.reviewAtRisk(partnerId, (String) task.getVariable(HEALTH_ID), TaskActor.text(task, AT_RISK_DECISION),
        TaskActor.text(task, ACTION_PLAN), TaskActor.of(task), AT_RISK_DECISION, ACTION_PLAN);
  }
}
