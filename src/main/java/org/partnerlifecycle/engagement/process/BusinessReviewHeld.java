package org.partnerlifecycle.engagement.process;

import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.ACTION_ITEMS;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.AGENDA_PERFORMANCE;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.AGENDA_PIPELINE;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.AGENDA_PLANNING;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.AGENDA_RELATIONSHIP;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.AGENDA_RESOURCES;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.AGENDA_ROADMAP;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.BUSINESS_REVIEW_ID;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.CEO_ATTENDEES;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.C_LEVEL_ATTENDEES;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.HELD_ON;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.MANAGEMENT_ATTENDEES;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.NOTES;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.STAFF_ATTENDEES;
import static org.partnerlifecycle.engagement.process.BusinessReviewProcess.VP_ATTENDEES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engagement.EngagementService;
import org.partnerlifecycle.engagement.EngagementService.Attendee;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.rules.Engagement.AgendaItem;
import org.partnerlifecycle.rules.Engagement.AttendeeLevel;
import org.springframework.stereotype.Component;

/**
 * business-review: completion of {@code HoldBusinessReview} — held on (not in the future, at most 90 days ago), the
 * attendees by level (names, comma separated; at least one), the agenda covered, notes and action items (both
 * required: seed 001 lines 1609-1616). The meeting then counts toward the participation standards.
 */
@Component("businessReviewHeld")
class BusinessReviewHeld extends CheckedTaskCompletion {

  static final int MAX_NAME = 200;

  private static final Map<String, AttendeeLevel> ATTENDEE_FIELDS = new LinkedHashMap<>();
  private static final Map<String, AgendaItem> AGENDA_FIELDS = new LinkedHashMap<>();

  static {
    ATTENDEE_FIELDS.put(CEO_ATTENDEES, AttendeeLevel.CEO);
    ATTENDEE_FIELDS.put(C_LEVEL_ATTENDEES, AttendeeLevel.C_LEVEL);
    ATTENDEE_FIELDS.put(VP_ATTENDEES, AttendeeLevel.VP);
    ATTENDEE_FIELDS.put(MANAGEMENT_ATTENDEES, AttendeeLevel.MANAGEMENT);
    ATTENDEE_FIELDS.put(STAFF_ATTENDEES, AttendeeLevel.STAFF);
    AGENDA_FIELDS.put(AGENDA_RELATIONSHIP, AgendaItem.RELATIONSHIP);
    AGENDA_FIELDS.put(AGENDA_PERFORMANCE, AgendaItem.PERFORMANCE);
    AGENDA_FIELDS.put(AGENDA_PIPELINE, AgendaItem.PIPELINE);
    AGENDA_FIELDS.put(AGENDA_PLANNING, AgendaItem.PLANNING);
    AGENDA_FIELDS.put(AGENDA_RESOURCES, AgendaItem.RESOURCES);
    AGENDA_FIELDS.put(AGENDA_ROADMAP, AgendaItem.ROADMAP);
  }

  private final EngagementService engagement;
  private final EngineTime time;

  BusinessReviewHeld(EngagementService engagement, EngineTime time) {
    this.engagement = engagement;
    this.time = time;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    LocalDate heldOn = TaskActor.date(task, HELD_ON);
    LocalDate today = time.today();
    if (heldOn.isAfter(today) || heldOn.isBefore(today.minusDays(90))) {
      throw new InvalidDecisionException(HELD_ON, "must be between " + today.minusDays(90) + " and today (" + today
          + ")");
    }
    List<Attendee> attendees = new ArrayList<>();
    ATTENDEE_FIELDS.forEach((field, level) -> names(task, field).forEach(n -> attendees.add(new Attendee(n, level))));
    if (attendees.isEmpty()) {
      throw new InvalidDecisionException(MANAGEMENT_ATTENDEES, "name at least one attendee, at their level");
    }
    Set<AgendaItem> agenda = EnumSet.noneOf(AgendaItem.class);
    AGENDA_FIELDS.forEach((field, item) -> {
      if (TaskActor.flag(task, field)) {
        agenda.add(item);
      }
    });
    String notes = Decisions.optionalText(NOTES, TaskActor.text(task, NOTES));
    Decisions.requireText(NOTES, notes, "are required (send them within 48 hours of the meeting)");
    String actions = Decisions.optionalText(ACTION_ITEMS, TaskActor.text(task, ACTION_ITEMS));
    Decisions.requireText(ACTION_ITEMS, actions, "are required (who does what by when)");
    engagement.hold(partnerId, (String) task.getVariable(BUSINESS_REVIEW_ID), heldOn, attendees, agenda, notes,
        actions, TaskActor.of(task));
  }

  private static List<String> names(DelegateTask task, String field) {
    String text = Decisions.optionalText(field, TaskActor.text(task, field));
    if (text == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String name : text.split(",")) {
      String n = name.strip();
      if (n.isEmpty()) {
        continue;
      }
      if (n.length() > MAX_NAME || n.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
        throw new InvalidDecisionException(field, "names are plain text of at most " + MAX_NAME + " characters");
      }
      names.add(n);
    }
    return names;
  }
}
