package org.partnerlifecycle.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.audit.RuleResultStore.Subject;
import org.partnerlifecycle.engagement.EngagementRepository.BusinessReview;
import org.partnerlifecycle.engagement.EngagementRepository.Meeting;
import org.partnerlifecycle.engagement.EngagementRepository.ReviewStatus;
import org.partnerlifecycle.engagement.process.BusinessReviewProcess;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.notification.NotificationPort;
import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.notification.PartnerEvents;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.partner.PartnerStatusChanged;
import org.partnerlifecycle.rules.Engagement;
import org.partnerlifecycle.rules.Engagement.AgendaItem;
import org.partnerlifecycle.rules.Engagement.AttendeeLevel;
import org.partnerlifecycle.rules.Engagement.Credit;
import org.partnerlifecycle.rules.Engagement.MeetingKind;
import org.partnerlifecycle.rules.Engagement.ReviewPlan;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.web.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings and business reviews (SPEC §3 business-review, §4 meetings): a logged meeting counts toward the
 * participation standards by {@link Engagement#credit}; each ACTIVE GROWTH or STRATEGIC partner has one
 * business-review instance on its tier's cadence, started at activation and re-planned when its tier changes.
 */
@Service
@Transactional
public class EngagementService {

  /** Someone at a meeting, at their level. */
  public record Attendee(String name, AttendeeLevel level) {
  }

  /** What a logged meeting counted, and why. */
  public record Logged(String meetingId, Credit credit, String explanation) {
  }

  /** The next review as the process waits for it; {@code hasCadence} false ends the instance. */
  public record Schedule(boolean hasCadence, String reviewId, Date opensAt, Date dueAt, Date notesDueAt,
      String companyName, String partnerManager, String tierLabel, String dueText, String roadmapText) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  /** A review is due by the end of the afternoon of its due day (UTC), as Tasklist shows it. */
  private static final int DUE_HOUR_UTC = 17;

  private final EngagementRepository repository;
  private final PartnerRepository partners;
  private final TermsCatalog terms;
  private final RuleResultStore ruleResults;
  private final EngineTime time;
  private final BusinessReviewProcess process;
  private final NotificationPort notifications;

  EngagementService(EngagementRepository repository, PartnerRepository partners, TermsCatalog terms,
      RuleResultStore ruleResults, EngineTime time, BusinessReviewProcess process, NotificationPort notifications) {
    this.notifications = notifications;
    this.repository = repository;
    this.partners = partners;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.time = time;
    this.process = process;
  }

  /** A meeting logged through the API (POST /api/partners/{id}/meetings). */
  public Logged logMeeting(String partnerId, LocalDate heldOn, MeetingKind kind, List<Attendee> attendees,
      String notes, String actionItems, String recordedBy) {
    partners.get(partnerId);
    return record(partnerId, heldOn, kind, attendees, Set.of(), notes, actionItems, null, recordedBy);
  }

  /** The meetings held in [from, to] with what they counted. */
  public List<MeetingView> meetings(String partnerId, LocalDate from, LocalDate to) {
    return repository.meetings(partnerId, from, to).stream().map(EngagementService::view).toList();
  }

  /** What meetings held in (from, to] add to the participation record (the tier review's trailing 12 months). */
  public Credit participation(String partnerId, LocalDate from, LocalDate to) {
    return repository.credit(partnerId, from, to);
  }

  public Optional<LocalDate> lastMeeting(String partnerId) {
    return repository.lastMeeting(partnerId);
  }

  /**
   * ScheduleBusinessReview: the partner's next review on its tier's cadence — the pending one re-planned (a tier
   * change), or a new one after the last held review (or the activation). A partner no longer ACTIVE, or at a tier
   * without business reviews, leaves the cadence: its scheduled review is cancelled.
   */
  public Schedule schedule(String partnerId, String processInstanceId) {
    Partner partner = partners.get(partnerId);
    LocalDate today = time.today();
    ProgramTerms current = terms.effectiveOn(today);
    if (partner.status() != PartnerStatus.ACTIVE || !Engagement.hasBusinessReviews(current, partner.tier())) {
      repository.cancelPending(partnerId);
      return new Schedule(false, null, null, null, null, partner.companyName(), null, null, null, null);
    }
    Optional<BusinessReview> pending = repository.pendingReview(partnerId);
    LocalDate activated = partner.activatedAt() == null ? today
        : LocalDate.ofInstant(partner.activatedAt(), ZoneOffset.UTC);
    LocalDate since = repository.lastHeldDue(partnerId).orElse(activated);
    RuleResult<ReviewPlan> planned = Engagement.nextBusinessReview(current, partner.tier(), since,
        repository.lastRoadmapAlignment(partnerId).orElse(activated), today);
    ReviewPlan plan = planned.value();
    String reviewId;
    if (pending.isPresent() && pending.get().status() == ReviewStatus.OPEN) {
      reviewId = pending.get().id();
      plan = new ReviewPlan(pending.get().dueOn(), pending.get().opensOn(), pending.get().roadmapDue());
    } else if (pending.isPresent()) {
      reviewId = pending.get().id();
      repository.reschedule(reviewId, partner.tier(), plan.dueOn(), plan.opensOn(), plan.roadmapDue(),
          current.version());
      ruleResults.record(Subject.PARTNER, partnerId, planned.explanation(), processInstanceId);
    } else {
      reviewId = Ids.next("BR-");
      repository.insertReview(new BusinessReview(reviewId, partnerId, partner.tier(), plan.dueOn(), plan.opensOn(),
          plan.roadmapDue(), ReviewStatus.SCHEDULED, null), current.version(), time.now());
      ruleResults.record(Subject.PARTNER, partnerId, planned.explanation(), processInstanceId);
    }
    Instant due = plan.dueOn().atTime(DUE_HOUR_UTC, 0).toInstant(ZoneOffset.UTC);
    Instant notesDue = plan.dueOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
        .plusSeconds(3600L * current.engagement().notesDueHours());
    String tierLabel = partner.tier().name().charAt(0) + partner.tier().name().substring(1).toLowerCase();
    return new Schedule(true, reviewId, Date.from(plan.opensOn().atStartOfDay().toInstant(ZoneOffset.UTC)),
        Date.from(due), Date.from(notesDue), partner.companyName(), partner.partnerManager(), tierLabel
            + " — business reviews every " + current.engagement().businessReviewEveryMonths().get(partner.tier())
            + " months", DAY.format(plan.dueOn()) + ", " + DUE_HOUR_UTC + ":00 UTC; notes within "
            + current.engagement().notesDueHours() + " hours of the meeting",
        plan.roadmapDue() ? "Yes: cover roadmap alignment at this review" : "No");
  }

  /** HoldBusinessReview was created: the review is open. */
  public void open(String reviewId) {
    repository.markOpen(reviewId);
  }

  /**
   * HoldBusinessReview completed: the review is HELD and its meeting (a business review with its attendees) counts
   * toward the participation standards; notes recorded more than 48 hours after the meeting are marked late.
   */
  public Logged hold(String partnerId, String reviewId, LocalDate heldOn, List<Attendee> attendees,
      Set<AgendaItem> agenda, String notes, String actionItems, String recordedBy) {
    BusinessReview review = repository.review(reviewId);
    if (!review.partnerId().equals(partnerId)) {
      throw new IllegalStateException("business review " + reviewId + " is not partner " + partnerId + "'s");
    }
    Logged logged = record(partnerId, heldOn, MeetingKind.QBR, attendees, agenda, notes, actionItems, reviewId,
        recordedBy);
    repository.markHeld(reviewId, logged.meetingId(), time.now());
    return logged;
  }

  /**
   * The notes are late (48 hours after the review's due day): recorded once, and the partner's manager is mailed a
   * reminder (when the manager has an email address). @return whether a mail went out
   */
  public boolean remindNotes(String reviewId) {
    BusinessReview review = repository.review(reviewId);
    Partner partner = partners.get(review.partnerId());
    repository.markReminded(reviewId, time.now());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("partner", partner.companyName());
    facts.put("reviewDue", DAY.format(review.dueOn()));
    facts.put("notesDueWithinHours", terms.effectiveOn(time.today()).engagement().notesDueHours());
    facts.put("task", "Hold business review — " + partner.companyName() + " (Tasklist)");
    return notifications.notifyStaff(partner.id(), partner.partnerManager(), "business-review-notes-late", facts);
  }

  /**
   * The partner left the program (removed) or came back (reinstated): its scheduled or open review is cancelled and
   * the cadence ends; a reinstated partner joins its cadence again. Runs in the deciding transaction.
   */
  @EventListener
  public void followStatus(PartnerStatusChanged changed) {
    String partnerId = changed.partnerId();
    if (changed.status() != PartnerStatus.ACTIVE) {
      repository.cancelOpenAndScheduled(partnerId);
      process.partnerLeft(partnerId);
    } else if (!process.isRunning(partnerId) && Engagement.hasBusinessReviews(terms.effectiveOn(time.today()),
        partners.get(partnerId).tier())) {
      process.start(partnerId);
    }
  }

  /**
   * The cadence follows the partner: activation starts its business reviews (GROWTH, STRATEGIC), a tier change
   * re-plans the waiting review (or starts the reviews of a partner promoted from FOUNDATION). Runs in the deciding
   * transaction.
   */
  @EventListener
  public void follow(PartnerEvents.Emitted emitted) {
    if (emitted.event() != PartnerEvent.PARTNER_ACTIVATED && emitted.event() != PartnerEvent.TIER_CHANGED) {
      return;
    }
    String partnerId = emitted.partnerId();
    if (process.isRunning(partnerId)) {
      process.cadenceChanged(partnerId);
      return;
    }
    Partner partner = partners.get(partnerId);
    if (partner.status() == PartnerStatus.ACTIVE
        && Engagement.hasBusinessReviews(terms.effectiveOn(time.today()), partner.tier())) {
      process.start(partnerId);
    }
  }

  /**
   * At startup: ACTIVE partners at a tier with business reviews but no business-review instance (activated before
   * this release) join their cadence. @return how many started
   */
  public int startMissingCadences() {
    ProgramTerms current = terms.effectiveOn(time.today());
    List<org.partnerlifecycle.rules.Tier> tiers = java.util.Arrays.stream(org.partnerlifecycle.rules.Tier.values())
        .filter(t -> Engagement.hasBusinessReviews(current, t)).toList();
    Set<String> running = process.runningPartners();
    int started = 0;
    for (String partnerId : repository.activePartnersAt(tiers)) {
      if (!running.contains(partnerId)) {
        process.start(partnerId);
        started++;
      }
    }
    return started;
  }

  private Logged record(String partnerId, LocalDate heldOn, MeetingKind kind, List<Attendee> attendees,
      Set<AgendaItem> agenda, String notes, String actionItems, String reviewId, String recordedBy) {
    ProgramTerms current = terms.effectiveOn(heldOn);
    List<AttendeeLevel> levels = attendees.stream().map(Attendee::level).toList();
    RuleResult<Credit> credit = Engagement.credit(current, kind, levels);
    Instant now = time.now();
    String meetingId = Ids.next("M-");
    repository.insertMeeting(new Meeting(meetingId, partnerId, heldOn, kind, attendeesJson(attendees),
        agenda.isEmpty() ? null : agenda.stream().sorted().map(Enum::name).collect(Collectors.joining(",")), notes,
        actionItems, credit.value(), agenda.contains(AgendaItem.ROADMAP), Engagement.notesLate(current, heldOn, now),
        reviewId, recordedBy, now));
    ruleResults.record(Subject.PARTNER, partnerId, credit.explanation(), reviewId == null ? meetingId : reviewId);
    return new Logged(meetingId, credit.value(), credit.explanation().text());
  }

  private static String attendeesJson(List<Attendee> attendees) {
    try {
      List<Map<String, String>> rows = new java.util.ArrayList<>();
      for (Attendee a : attendees) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("name", a.name());
        row.put("level", a.level().name());
        rows.add(row);
      }
      return JSON.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MeetingView view(Meeting m) {
    List<Attendee> attendees;
    try {
      attendees = JSON.readValue(m.attendeesJson(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return new MeetingView(m.id(), m.heldOn().toString(), m.kind(), m.kind().label(), attendees,
        m.agenda() == null ? List.of() : List.of(m.agenda().split(",")), m.notes(), m.actionItems(), m.credit(),
        m.notesLate(), m.businessReviewId(), m.recordedBy(), m.recordedAt().toString());
  }
}
