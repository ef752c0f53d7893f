package org.partnerlifecycle.warning;

import static org.partnerlifecycle.warning.process.WarningEscalationProcess.REMOVAL_DECISION;
import static org.partnerlifecycle.warning.process.WarningEscalationProcess.REMOVAL_REASON;
import static org.partnerlifecycle.warning.process.WarningEscalationProcess.DISMISS_REASON;
import static org.partnerlifecycle.warning.process.WarningEscalationProcess.WARNING_DECISION;
import static org.partnerlifecycle.warning.process.WarningEscalationProcess.WARNING_NOTE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.deal.DealPayouts;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.notification.NotificationPort;
import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.partner.PartnerStatusChanged;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.warning.process.WarningEscalationProcess;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three-step warning mechanism (seed 002, Part 6; SPEC §3 warning-escalation): private warning, private stop
 * of referrals, public removal with leadership's approval; good standing resets it at any level before removal.
 * At most one escalation runs per partner: breaches lock the partner's row, and join the running one.
 */
@Service
@Transactional
public class WarningService {

  /** IssuePrivateWarning's options. */
  enum WarningDecision { SEND, DISMISS }

  /** ApprovePublicRemoval's options. */
  enum RemovalDecision { APPROVE, EXTEND }

  public record BreachRecorded(String escalationId, int level, boolean joined) {
  }

  private final WarningRepository warnings;
  private final PartnerRepository partners;
  private final WarningEscalationProcess process;
  private final NotificationPort notifications;
  private final DealPayouts payouts;
  private final TermsCatalog terms;
  private final EngineTime time;
  private final ApplicationEventPublisher events;

  public WarningService(WarningRepository warnings, PartnerRepository partners, WarningEscalationProcess process,
      NotificationPort notifications, DealPayouts payouts, TermsCatalog terms, EngineTime time,
      ApplicationEventPublisher events) {
    this.events = events;
    this.payouts = payouts;
    this.warnings = warnings;
    this.partners = partners;
    this.process = process;
    this.notifications = notifications;
    this.terms = terms;
    this.time = time;
  }

  /** A breach starts an escalation, or joins the running one (API, tier reviews, activation checks alike). */
  @Audited(action = "partner.complianceBreach", subject = AuditLog.Subject.PARTNER)
  public BreachRecorded raiseBreach(String partnerId, BreachCategory category, String detail, String source,
      String reportedBy) {
    partners.lock(partnerId);
    Partner partner = partners.get(partnerId);
    if (partner.status() != PartnerStatus.ACTIVE) {
      throw new ConflictException("Partner " + partnerId + " is " + partner.status()
          + ": compliance breaches are raised against ACTIVE partners");
    }
    Instant now = time.now();
    var running = warnings.running(partnerId);
    if (running.isPresent()) {
      warnings.addBreach(partnerId, running.get().id(), category.name(), detail, source, reportedBy, now);
      process.updateBreaches(partnerId, breachesText(running.get().id()));
      return new BreachRecorded(running.get().id(), running.get().level(), true);
    }
    String escalationId = Ids.next("W-");
    warnings.start(escalationId, partnerId, now);
    warnings.addBreach(partnerId, escalationId, category.name(), detail, source, reportedBy, now);
    int cureDays = terms.effectiveOn(time.today()).warningCurePeriodDays();
    process.start(partnerId, escalationId, partner.companyName(), partner.tier() == null ? null : partner.tier().name(),
        breachesText(escalationId),
        cureDays + " days (program terms " + terms.effectiveOn(time.today()).version() + ")");
    return new BreachRecorded(escalationId, 0, false);
  }

  /**
   * IssuePrivateWarning (SPEC §3 amendments): SEND the level-1 private warning to the partner (seed 002 line 51:
   * "First Warning: Private Warning"), or DISMISS the breach with a reason (e.g. it came from missing data), which
   * ends the escalation at level 0.
   */
  public void decidePrivateWarning(String partnerId, String decision, String note, String dismissReason,
      String decidedBy) {
    if (Decisions.oneOf(WARNING_DECISION, decision, WarningDecision.class) == WarningDecision.DISMISS) {
      String why = Decisions.optionalText(DISMISS_REASON, dismissReason);
      Decisions.requireText(DISMISS_REASON, why, "is required to dismiss a breach");
      String escalationId = runningEscalation(partnerId).id();
      Partner partner = partners.get(partnerId);
      moveTo(partner, escalationId, 0, false, partner.listed(), "DISMISSED", decidedBy, why);
      warnings.end(escalationId, "DISMISSED", 0, time.now());
      return;
    }
    issuePrivateWarning(partnerId, note, decidedBy);
  }

  /** Level 1: the private warning, to the partner only. */
  public void issuePrivateWarning(String partnerId, String note, String decidedBy) {
    String escalationId = runningEscalation(partnerId).id();
    String message = Decisions.optionalText(WARNING_NOTE, note);
    Decisions.requireText(WARNING_NOTE, message, "is required: it is what the partner receives");
    Partner partner = partners.get(partnerId);
    moveTo(partner, escalationId, 1, false, partner.listed(), "WARNED", decidedBy, message);
    notifications.tell(partnerId, PartnerEvent.WARNING_ISSUED, "warning.issued:" + escalationId,
        Map.of("level", 1, "companyName", partner.companyName(), "message", message,
            "breaches", breachesText(escalationId)));
  }

  /**
   * Level 2: referrals privately stopped (seed 002 line 53: "Second Warning: Privately stopping referrals to that
   * partner"). Nothing public changes; the partner is told, privately: "second warning: referrals paused".
   */
  public void pauseReferrals(String partnerId) {
    String escalationId = runningEscalation(partnerId).id();
    Partner partner = partners.get(partnerId);
    moveTo(partner, escalationId, 2, true, partner.listed(), "REFERRALS_PAUSED", "system", "Cure period ended");
    notifications.tell(partnerId, PartnerEvent.WARNING_ISSUED, "warning.issued:2:" + escalationId,
        Map.of("level", 2, "companyName", partner.companyName(), "message", SECOND_WARNING,
            "breaches", breachesText(escalationId)));
  }

  /** What the partner is told at level 2. */
  public static final String SECOND_WARNING = "Second warning: referrals paused until you are back in good standing";

  /** Level 3: public removal is up to leadership. @return the steps so far, for the approval form */
  public String requestPublicRemoval(String partnerId) {
    String escalationId = runningEscalation(partnerId).id();
    Partner partner = partners.get(partnerId);
    moveTo(partner, escalationId, 3, true, partner.listed(), "REMOVAL_REQUESTED", "system", "Cure period ended");
    return warnings.steps(partnerId).stream().filter(s -> escalationId.equals(s.escalationId()))
        .map(s -> s.at() + " level " + s.level() + " " + s.action() + " by " + s.decidedBy()
            + (s.note() == null ? "" : ": " + s.note()))
        .collect(Collectors.joining("\n"));
  }

  /** ApprovePublicRemoval: APPROVE or EXTEND (another cure period), always with a reason. */
  public void recordRemovalDecision(String partnerId, String decision, String reason, String decidedBy) {
    String escalationId = runningEscalation(partnerId).id();
    RemovalDecision chosen = Decisions.oneOf(REMOVAL_DECISION, decision, RemovalDecision.class);
    String why = Decisions.optionalText(REMOVAL_REASON, reason);
    Decisions.requireText(REMOVAL_REASON, why, "is required");
    warnings.addStep(partnerId, escalationId, 3, chosen == RemovalDecision.APPROVE ? "REMOVAL_APPROVED" : "CURE_EXTENDED",
        decidedBy, why, time.now());
  }

  /**
   * Out of the directory and the program's benefits: REMOVED partners register nothing new. The removal records its
   * breach categories: one for CONDUCT (fraud) claws back every payout in full (seed 001 line 1977: "Fraudulent
   * referral → Full clawback + termination"); any other keeps what was approved before it (no retroactive terms).
   */
  public void removePartner(String partnerId) {
    String escalationId = runningEscalation(partnerId).id();
    Partner partner = partners.get(partnerId);
    partners.updateStatus(partnerId, PartnerStatus.REMOVED, time.now());
    events.publishEvent(new PartnerStatusChanged(partnerId, PartnerStatus.REMOVED));
    java.util.Set<String> categories = warnings.breaches(escalationId).stream()
        .map(b -> (String) b.get("category")).collect(Collectors.toCollection(java.util.TreeSet::new));
    partners.recordRemoval(partnerId, categories, time.now());
    if (categories.contains(BreachCategory.CONDUCT.name())) {
      payouts.clawBackEverything(partnerId, "escalation " + escalationId);
    }
    moveTo(partner, escalationId, 3, true, false, "REMOVED", "system", "Removed from the public partner list");
    warnings.end(escalationId, "REMOVED", 3, time.now());
    notifications.notifyPartner(partnerId, partner.contactEmail(), "removed-from-program",
        Map.of("companyName", partner.companyName()));
  }

  /** Good standing (API): resets the running escalation at any level before removal. */
  @Audited(action = "partner.goodStanding", subject = AuditLog.Subject.PARTNER)
  public void restoreGoodStanding(String partnerId, String note, String decidedBy) {
    partners.lock(partnerId);
    if (warnings.running(partnerId).isEmpty()) {
      throw new ConflictException("Partner " + partnerId + " has no running warning escalation to reset");
    }
    process.goodStanding(partnerId, note, decidedBy);
  }

  /** ResetProgression: level 0, referrals resumed, listed again; the escalation ends, its history stays. */
  public void reset(String partnerId, String note, String decidedBy) {
    String escalationId = runningEscalation(partnerId).id();
    Partner partner = partners.get(partnerId);
    moveTo(partner, escalationId, 0, false, partner.status() == PartnerStatus.ACTIVE, "RESET", decidedBy, note);
    warnings.end(escalationId, "RESET", 0, time.now());
    if (partner.warningLevel() >= 1) {
      // Only a partner that was warned hears of the reset (a breach it was never told of stays private).
      notifications.tell(partnerId, PartnerEvent.WARNING_RESET, "warning.reset:" + escalationId,
          Map.of("level", 0));
    }
  }

  /** Leadership takes a REMOVED partner back: ACTIVE, level 0, listed; recorded as its own step. */
  @Audited(action = "partner.reinstated", subject = AuditLog.Subject.PARTNER)
  public void reinstate(String partnerId, String note, String decidedBy) {
    partners.lock(partnerId);
    Partner partner = partners.get(partnerId);
    if (partner.status() != PartnerStatus.REMOVED) {
      throw new ConflictException("Partner " + partnerId + " is " + partner.status() + ", not REMOVED");
    }
    partners.updateStatus(partnerId, PartnerStatus.ACTIVE, time.now());
    events.publishEvent(new PartnerStatusChanged(partnerId, PartnerStatus.ACTIVE));
    partners.recordWarningState(partnerId, 0, false, true, time.now());
    warnings.addStep(partnerId, null, 0, "REINSTATED", decidedBy, note, time.now());
  }

  public List<WarningRepository.Step> history(String partnerId) {
    partners.get(partnerId);
    return warnings.steps(partnerId);
  }

  /**
   * The ISO-8601 duration of each cure period of the partner's running escalation, by the terms in effect when it
   * started: the escalation's timers ask for it, so that no process variable (which a task completion could set)
   * decides how long a partner has to cure.
   */
  public String curePeriod(String partnerId) {
    LocalDate started = LocalDate.ofInstant(runningEscalation(partnerId).startedAt(), ZoneOffset.UTC);
    return "P" + terms.effectiveOn(started).warningCurePeriodDays() + "D";
  }

  /**
   * A partner has at most one running escalation (a unique key), and its process steps act on that one: found by
   * the process's business key, never by a variable, which a task completion could set.
   */
  private WarningRepository.Escalation runningEscalation(String partnerId) {
    return warnings.running(partnerId).orElseThrow(() -> new ConflictException("Partner " + partnerId
        + " has no running warning escalation"));
  }

  private void moveTo(Partner partner, String escalationId, int level, boolean referralsPaused, boolean listed,
      String action, String decidedBy, String note) {
    partners.recordWarningState(partner.id(), level, referralsPaused, listed, time.now());
    warnings.setLevel(escalationId, level);
    warnings.addStep(partner.id(), escalationId, level, action, decidedBy, note, time.now());
  }

  private String breachesText(String escalationId) {
    return warnings.breaches(escalationId).stream()
        .map(b -> b.get("reported_at") + " " + b.get("category") + " (" + b.get("source") + ", "
            + b.get("reported_by") + "): " + b.get("detail"))
        .collect(Collectors.joining("\n"));
  }
}
