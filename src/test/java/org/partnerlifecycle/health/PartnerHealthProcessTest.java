package org.partnerlifecycle.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.support.ActivePartners;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.support.InstanceRef;
import org.partnerlifecycle.support.WonDeals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * partner-health (SPEC §3): quarterly, for every ACTIVE partner, the playbook's health score (seed 001 lines
 * 1515-1563) from recorded facts; entering At-risk opens ReviewAtRiskPartner for the partner's manager.
 */
@ApplicationTest
class PartnerHealthProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnerApplicationService applications;
  @Autowired
  PartnerRepository partners;
  @Autowired
  JdbcTemplate jdbc;

  ActivePartners active;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    at("2027-01-04T09:00:00Z");
    active = new ActivePartners(engine, applications, partners);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse(instant)));
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  /** A WON deal registered {@code registeredDaysAgo} days ago and closed the same day. */
  private void wonDeal(Partner partner, String amount, int registeredDaysAgo) {
    WonDeals.insert(jdbc, partner.id(), "REFERRAL", amount, 12, "SOURCED", today().minusDays(registeredDaysAgo),
        ClockUtil.getCurrentTime().toInstant().minusSeconds(86400L * registeredDaysAgo));
  }

  /** The quarterly run as its timer starts it: every page of ACTIVE partners; then this partner's computation. */
  private ProcessInstance quarterlyRun(Partner partner) {
    Job quarter = engine.getManagementService().createJobQuery().processDefinitionKey("partner-health-scheduler")
        .timers().singleResult();
    engine.getManagementService().executeJob(quarter.getId());
    Job batch;
    while ((batch = engine.getManagementService().createJobQuery().processDefinitionKey("partner-health-scheduler")
        .messages().singleResult()) != null) {
      engine.getManagementService().executeJob(batch.getId());
    }
    ProcessInstance instance = InstanceRef.latest(engine, "partner-health", partner.id());
    assertThat(instance).isWaitingAt("ComputeHealth");
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).singleResult().getId());
    // The run started every ACTIVE partner; the others' computations are not this test's.
    engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("partner-health").list().stream()
        .filter(other -> !other.getBusinessKey().equals(partner.id()))
        .forEach(other -> engine.getRuntimeService().deleteProcessInstance(other.getId(), "not this test's"));
    return instance;
  }

  /**
   * Must show (issue 28): growing revenue (30 of 30) but one registration in the last quarter (10 of 25), 40 days
   * without activity (quarterly: 10 of 20), NPS unknown (0 of 15) and fit not recorded (weak: 0 of 10) — 50, At-risk
   * (40-59, seed 001 line 1561) — opens ReviewAtRiskPartner for its manager; the score is stored with its factors.
   */
  @Test
  void aPartnerEnteringAtRiskIsReviewedByItsManager() {
    Partner partner = active.active("Drifting Co", "drifting-" + System.nanoTime() + ".example", "REFERRAL",
        "150000");
    wonDeal(partner, "20000", 40);
    ProcessInstance instance = quarterlyRun(partner);
    assertThat(instance).isWaitingAt("ReviewAtRiskPartner");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getAssignee()).isEqualTo("mary");
    assertThat(task.getName()).isEqualTo("Review at-risk partner — Drifting Co, health 50 of 100 — At-risk");
    assertThat(jdbc.queryForMap("SELECT score, band, enters_risk FROM partner_health WHERE partner_id = ?",
        partner.id())).containsEntry("SCORE", 50).containsEntry("BAND", "AT_RISK").containsEntry("ENTERS_RISK", true);
    assertThat(jdbc.queryForObject("SELECT factors FROM partner_health WHERE partner_id = ?", String.class,
        partner.id())).contains("{\"factor\":\"REVENUE\",\"points\":\"30\",\"max\":30,\"input\":\"100 % year on year\"}")
        .contains("{\"factor\":\"ACTIVITY\",\"points\":\"10\",\"max\":25,")
        .contains("{\"factor\":\"ENGAGEMENT\",\"points\":\"10\",\"max\":20,");

    assertThatThrownBy(() -> active.complete(partner.id(), "ReviewAtRiskPartner", "mary",
        Map.of("atRiskDecision", "PLAN", "actionPlan", " "))).hasRootCauseInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("actionPlan");
    assertThatThrownBy(() -> active.complete(partner.id(), "ReviewAtRiskPartner", "mary",
        Map.of("atRiskDecision", "IGNORE", "actionPlan", "x"))).hasRootCauseInstanceOf(
        InvalidDecisionException.class).hasMessageContaining("atRiskDecision");
    active.complete(partner.id(), "ReviewAtRiskPartner", "mary", Map.of("atRiskDecision", "RAISE_BREACH",
        "actionPlan", "No pipeline for a quarter; no answer to two calls."));
    assertThat(instance).isEnded().hasPassed("AtRiskReviewed");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM compliance_breach WHERE partner_id = ? AND source = "
        + "'PARTNER_HEALTH'", Integer.class, partner.id())).isEqualTo(1);
    assertThat(InstanceRef.latest(engine, "warning-escalation", partner.id())).isNotNull();

    // Run again, still At-risk: it does not enter the band again — no second review.
    at("2027-01-04T15:00:00Z");
    ProcessInstance next = quarterlyRun(partner);
    assertThat(next).isEnded().hasPassed("HealthRecorded");
  }
}
