package org.partnerlifecycle.engagement.process;

import java.util.Map;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/business-review.bpmn}: one instance per ACTIVE GROWTH or STRATEGIC partner
 * (business key: the partner id), looping from one business review to the next on its tier's cadence.
 */
@Component
public class BusinessReviewProcess {

  public static final String KEY = "business-review";
  /** Delivered when the partner's tier changes: the waiting review is planned again on the new cadence. */
  public static final String CADENCE_CHANGED = "BusinessReviewCadenceChanged";
  /** Delivered when the partner leaves the program during an open review: the review task is cancelled. */
  public static final String PARTNER_LEFT = "BusinessReviewPartnerLeft";

  static final String PARTNER_ID = "partnerId";
  /** Set by ScheduleBusinessReview. */
  static final String HAS_CADENCE = "hasCadence";
  static final String BUSINESS_REVIEW_ID = "businessReviewId";
  static final String OPENS_AT = "reviewOpensAt";
  static final String DUE_AT = "reviewDueAt";
  static final String NOTES_DUE_AT = "notesDueAt";
  static final String COMPANY_NAME = "companyName";
  static final String PARTNER_MANAGER = "partnerManager";
  static final String TIER_LABEL = "tierLabel";
  static final String DUE_TEXT = "dueText";
  static final String ROADMAP_TEXT = "roadmapText";
  /** HoldBusinessReview's input fields. */
  public static final String HELD_ON = "heldOn";
  public static final String CEO_ATTENDEES = "ceoAttendees";
  public static final String C_LEVEL_ATTENDEES = "cLevelAttendees";
  public static final String VP_ATTENDEES = "vpAttendees";
  public static final String MANAGEMENT_ATTENDEES = "managementAttendees";
  public static final String STAFF_ATTENDEES = "staffAttendees";
  public static final String AGENDA_RELATIONSHIP = "agendaRelationship";
  public static final String AGENDA_PERFORMANCE = "agendaPerformance";
  public static final String AGENDA_PIPELINE = "agendaPipeline";
  public static final String AGENDA_PLANNING = "agendaPlanning";
  public static final String AGENDA_RESOURCES = "agendaResources";
  public static final String AGENDA_ROADMAP = "agendaRoadmap";
  public static final String NOTES = "notes";
  public static final String ACTION_ITEMS = "actionItems";

  private final ProcessAdapter processes;

  public BusinessReviewProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  public boolean isRunning(String partnerId) {
    return processes.isRunning(KEY, partnerId);
  }

  /** The partners whose business-review instance runs. */
  public java.util.Set<String> runningPartners() {
    return processes.runningBusinessKeys(KEY);
  }

  public String start(String partnerId) {
    return processes.start(KEY, partnerId, Map.of(PARTNER_ID, partnerId));
  }

  /** @return whether the partner's instance was waiting for its next review (else it plans again when it gets there) */
  public boolean cadenceChanged(String partnerId) {
    return processes.deliver(partnerId, CADENCE_CHANGED, Map.of());
  }

  /**
   * The partner left the program: a waiting instance plans again (and ends, the partner being no longer ACTIVE); an
   * open HoldBusinessReview is cancelled.
   */
  public void partnerLeft(String partnerId) {
    if (!cadenceChanged(partnerId)) {
      processes.deliver(partnerId, PARTNER_LEFT, Map.of());
    }
  }
}
