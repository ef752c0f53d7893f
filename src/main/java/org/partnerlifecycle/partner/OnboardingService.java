package org.partnerlifecycle.partner;

import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.ACTIVATION_DECISION;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.ACTIVATION_NOTE;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.DECISION;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.EXECUTIVE_SPONSOR;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PARTNER_MANAGER;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PLACEMENT_DECISION;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.PLACEMENT_REASON;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.REASON;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.SESSION_HELD_ON;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.SESSION_NOTES;
import static org.partnerlifecycle.partner.process.PartnerOnboardingProcess.TIER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.partnerlifecycle.audit.RuleResultStore.Subject;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.Decisions.Verdict;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.notification.NotificationPort;
import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.rules.EligibilityRules;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.rules.TierMaintenance;
import org.partnerlifecycle.rules.TierRules;
import org.partnerlifecycle.security.StaffDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner-onboarding steps (SPEC §3): each method is one step of the process, called by its delegate or task
 * listener, and writes in the engine's transaction.
 */
@Service
@Transactional
public class OnboardingService {

  /** ActivationCheck's options. */
  enum ActivationCheck { KEEP, RAISE_BREACH }

  public record Screening(Tier proposedTier, Motion proposedMotion, String explanation, String duplicateHits,
      String notes) {
  }

  public record Activation(LocalDate activatedOn, Motion motion) {
  }

  private final PartnerRepository partners;
  private final TermsCatalog terms;
  private final RuleResultStore ruleResults;
  private final NotificationPort notifications;
  private final StaffDirectory staff;
  private final EngineTime time;

  public OnboardingService(PartnerRepository partners, TermsCatalog terms, RuleResultStore ruleResults,
      NotificationPort notifications, StaffDirectory staff, EngineTime time) {
    this.partners = partners;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.notifications = notifications;
    this.staff = staff;
    this.time = time;
  }

  /** Completeness, duplicate company domain, and the tier the forecast qualifies for. */
  public Screening screen(String partnerId, String processInstanceId) {
    Partner partner = partners.get(partnerId);
    ProgramTerms current = terms.effectiveOn(time.today());
    RuleResult<TierRules.Placement> proposal = TierRules.proposeAtOnboarding(current, partner.appliedMotion(),
        partner.forecastAnnualRevenue());
    ruleResults.record(Subject.PARTNER, partnerId, proposal.explanation(), processInstanceId);
    Tier tier = proposal.value().tier();
    Motion motion = proposal.value().motion();
    partners.recordProposal(partnerId, tier, motion, current.version(), time.now());

    List<Partner> duplicates = partners.sameDomain(partner.normalizedDomain(), partnerId);
    String duplicateHits = duplicates.isEmpty() ? "none" : duplicates.stream()
        .map(d -> d.companyName() + " (" + d.id() + ", " + d.websiteDomain() + ", " + d.status() + ")")
        .collect(Collectors.joining("; "));
    List<String> notes = new ArrayList<>(missingFields(partner).stream().map(f -> "missing " + f).toList());
    if (!duplicates.isEmpty()) {
      notes.add(duplicates.size() + " other application(s) with the domain " + partner.normalizedDomain());
    }
    return new Screening(tier, motion, proposal.explanation().text(), duplicateHits,
        notes.isEmpty() ? "complete; no duplicate domain" : String.join("; ", notes));
  }

  private static List<String> missingFields(Partner p) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("companyName", p.companyName());
    fields.put("websiteDomain", p.websiteDomain());
    fields.put("contactName", p.contactName());
    fields.put("contactEmail", p.contactEmail());
    fields.put("region", p.region());
    fields.put("motion", p.appliedMotion());
    fields.put("forecastAnnualRevenue", p.forecastAnnualRevenue());
    return fields.entrySet().stream().filter(e -> e.getValue() == null || e.getValue().toString().isBlank())
        .map(Map.Entry::getKey).toList();
  }

  /** ReviewApplication: APPROVE at a tier, or REJECT; a rejection or a tier other than the proposal needs a reason. */
  public void recordReview(String partnerId, String decision, String tier, String reason, String reviewer) {
    Partner partner = partners.get(partnerId);
    Verdict verdict = Decisions.oneOf(DECISION, decision, Verdict.class);
    String why = Decisions.optionalText(REASON, reason);
    partners.recordApplicationReviewer(partnerId, reviewer, time.now());
    if (verdict == Verdict.REJECT) {
      Decisions.requireText(REASON, why, "is required to reject an application");
      partners.recordRejection(partnerId, why, time.now());
      notifications.notifyPartner(partnerId, partner.contactEmail(), "application-rejected",
          Map.of("companyName", partner.companyName(), "reason", why));
      return;
    }
    Tier placed = Decisions.oneOf(TIER, tier, Tier.class);
    if (placed != partner.proposedTier()) {
      Decisions.requireText(REASON, why,
          "is required when the tier differs from the proposed " + partner.proposedTier());
    }
    partners.recordPlacement(partnerId, placed, placementMotion(partner, placed), why, time.now());
  }

  /**
   * ApproveStrategicPlacement by leadership, never by the application's reviewer (as recorded with the review):
   * APPROVE keeps STRATEGIC, REJECT places at GROWTH. @return the tier
   */
  public String recordStrategicPlacement(String partnerId, String decision, String reason, String approver) {
    Partner partner = partners.get(partnerId);
    Verdict verdict = Decisions.oneOf(PLACEMENT_DECISION, decision, Verdict.class);
    String why = Decisions.optionalText(PLACEMENT_REASON, reason);
    if (approver.equals(partners.applicationReviewer(partnerId))) {
      throw new InvalidDecisionException(PLACEMENT_DECISION,
          "the reviewer who proposed Strategic placement may not approve it too");
    }
    if (verdict == Verdict.APPROVE) {
      return Tier.STRATEGIC.name();
    }
    Decisions.requireText(PLACEMENT_REASON, why, "is required to place the partner at Growth instead");
    partners.recordPlacement(partnerId, Tier.GROWTH, placementMotion(partner, Tier.GROWTH), why, time.now());
    return Tier.GROWTH.name();
  }

  /**
   * At the proposed tier, the proposed motion (a reseller or OEM below its GROWTH threshold is placed by the REFERRAL
   * thresholds as REFERRAL, SPEC §2); at another tier, a motion the tier does not allow (resellers and OEM at
   * FOUNDATION) continues as the tier's allowed motion.
   */
  private Motion placementMotion(Partner partner, Tier tier) {
    if (tier == partner.proposedTier() && partner.proposedMotion() != null) {
      return partner.proposedMotion();
    }
    ProgramTerms current = terms.effectiveOn(time.today());
    return EligibilityRules.motionAfterTierChange(current, tier, partner.appliedMotion()).value();
  }

  public void requestAgreement(String partnerId) {
    Partner partner = partners.get(partnerId);
    partners.updateStatus(partnerId, PartnerStatus.AWAITING_AGREEMENT, time.now());
    notifications.notifyPartner(partnerId, partner.contactEmail(), "agreement-request",
        Map.of("companyName", partner.companyName(), "tier", partner.tier().name(), "motion", partner.motion().name()));
  }

  public void remindAgreement(String partnerId) {
    Partner partner = partners.get(partnerId);
    notifications.notifyPartner(partnerId, partner.contactEmail(), "agreement-reminder",
        Map.of("companyName", partner.companyName()));
  }

  public void lapse(String partnerId) {
    Partner partner = partners.get(partnerId);
    partners.updateStatus(partnerId, PartnerStatus.LAPSED, time.now());
    notifications.notifyPartner(partnerId, partner.contactEmail(), "application-lapsed",
        Map.of("companyName", partner.companyName()));
  }

  public void startOnboarding(String partnerId) {
    partners.updateStatus(partnerId, PartnerStatus.ONBOARDING, time.now());
  }

  /** FOUNDATION is digitally led: the welcome kit and the announcement kit. */
  public void sendWelcomeKits(String partnerId) {
    Partner partner = partners.get(partnerId);
    for (String kit : List.of("welcome-kit", "announcement-kit")) {
      notifications.notifyPartner(partnerId, partner.contactEmail(), kit,
          Map.of("companyName", partner.companyName(), "tier", partner.tier().name()));
    }
  }

  public void assignManagement(String partnerId, String partnerManager, String executiveSponsor, String assignedBy) {
    Partner partner = partners.get(partnerId);
    if (partnerManager == null || !staff.isMember(partnerManager, "partner-managers")) {
      throw new InvalidDecisionException(PARTNER_MANAGER, "must be a member of partner-managers");
    }
    String sponsor = Decisions.optionalText(EXECUTIVE_SPONSOR, executiveSponsor);
    if (partner.tier() == Tier.STRATEGIC) {
      Decisions.requireText(EXECUTIVE_SPONSOR, sponsor, "is required for a Strategic partner");
    }
    partners.recordManagement(partnerId, partnerManager, sponsor, time.now());
    notifications.notifyPartner(partnerId, partner.contactEmail(), "welcome-kit",
        Map.of("companyName", partner.companyName(), "tier", partner.tier().name(), "partnerManager", partnerManager));
  }

  public void recordOnboardingSession(String partnerId, String heldOn, String notes, String heldBy) {
    partners.get(partnerId);
    Decisions.requireText(SESSION_HELD_ON, heldOn, "is required");
    Decisions.requireText(SESSION_NOTES, Decisions.optionalText(SESSION_NOTES, notes), "are required");
  }

  /** ACTIVE and listed, with the launch methods, products and integration types its tier and motion allow. */
  public Activation activate(String partnerId, String processInstanceId) {
    Partner partner = partners.get(partnerId);
    ProgramTerms current = terms.effectiveOn(time.today());
    Tier tier = partner.tier();
    Motion motion = partner.motion();
    Entitlements entitled = Entitlements.of(current, tier, motion);
    var nextReview = TierMaintenance.nextReviewDue(current, tier, time.today());
    entitled.explanations().forEach(e -> ruleResults.record(Subject.PARTNER, partnerId, e, processInstanceId));
    ruleResults.record(Subject.PARTNER, partnerId, nextReview.explanation(), processInstanceId);
    Instant now = time.now();
    partners.activate(partnerId, motion, entitled.launchMethods(), entitled.products(),
        entitled.integrationTypes(), current.version(), nextReview.value(), now);
    notifications.tell(partnerId, PartnerEvent.PARTNER_ACTIVATED, "partner.activated:" + partnerId,
        Map.of("companyName", partner.companyName(), "tier", tier.name(), "motion", motion.name()));
    return new Activation(LocalDate.ofInstant(now, ZoneOffset.UTC), motion);
  }

  public void recordActivationCheck(String partnerId, String decision, String note, String checkedBy) {
    partners.get(partnerId);
    Decisions.oneOf(ACTIVATION_DECISION, decision, ActivationCheck.class);
    Decisions.requireText(ACTIVATION_NOTE, Decisions.optionalText(ACTIVATION_NOTE, note), "is required");
  }

}
