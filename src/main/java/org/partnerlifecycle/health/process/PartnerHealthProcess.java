package org.partnerlifecycle.health.process;

import java.util.Map;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/partner-health.bpmn} (one partner's quarterly health: business key the partner
 * id) and {@code partner-health-scheduler.bpmn} (quarterly, starts it for every ACTIVE partner, a page at a time).
 */
@Component
public class PartnerHealthProcess {

  public static final String KEY = "partner-health";
  public static final String SCHEDULER_KEY = "partner-health-scheduler";
  /** Partners started per transaction by the scheduler. */
  public static final int BATCH_SIZE = 200;

  static final String PARTNER_ID = "partnerId";
  /** The scheduler's page: the last partner id started, and whether a full page was started. */
  static final String AFTER_PARTNER_ID = "afterPartnerId";
  static final String MORE_PARTNERS = "morePartners";
  /** Set by ComputeHealth. */
  static final String HEALTH_ID = "healthId";
  static final String ENTERS_RISK = "entersRisk";
  static final String COMPANY_NAME = "companyName";
  static final String PARTNER_MANAGER = "partnerManager";
  static final String HEALTH_TEXT = "healthText";
  static final String PREVIOUS_HEALTH_TEXT = "previousHealthText";
  static final String HEALTH_EXPLANATION_TEXT = "healthExplanationText";
  static final String COMPUTED_AT_TEXT = "computedAtText";
  /** ReviewAtRiskPartner's input fields. */
  public static final String AT_RISK_DECISION = "atRiskDecision";
  public static final String ACTION_PLAN = "actionPlan";

  private final ProcessAdapter processes;

  public PartnerHealthProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  public String start(String partnerId) {
    return processes.start(KEY, partnerId, Map.of(PARTNER_ID, partnerId));
  }

  /** The quarterly run now, as its timer would start it (bench/PartnerHealthBenchmark). */
  public String startRun() {
    return processes.start(SCHEDULER_KEY, null, Map.of(AFTER_PARTNER_ID, ""));
  }
}
