package org.partnerlifecycle.tier;

import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.notification.PartnerEvents;

import static org.partnerlifecycle.tier.process.TierReviewProcess.LEADERSHIP_DECISION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.LEADERSHIP_REASON;
import static org.partnerlifecycle.tier.process.TierReviewProcess.OVERRIDE_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_DECISION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_REASON;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.audit.RuleResultStore.Subject;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.engagement.EngagementService;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.Decisions.Verdict;
import org.partnerlifecycle.health.HealthService;
import org.partnerlifecycle.rules.Engagement.Credit;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.engine.FormText;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.partner.Entitlements;
import org.partnerlifecycle.partner.OnboardingService;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.rules.EligibilityRules;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.rules.TierMaintenance.MaintenanceDecision;
import org.partnerlifecycle.rules.TierMaintenance.Recommendation;
import org.partnerlifecycle.rules.TierMaintenance;
import org.partnerlifecycle.rules.TierRules.Commitments;
import org.partnerlifecycle.rules.TierRules.Placement;
import org.partnerlifecycle.rules.TierRules;
import org.partnerlifecycle.tier.TierReviewRepository.CommitmentRecord;
import org.partnerlifecycle.tier.TierReviewRepository.Review;
import org.partnerlifecycle.tier.TierReviewRepository.TierChange;
import org.partnerlifecycle.warning.BreachCategory;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tier-review steps (SPEC §2 qualification and maintenance, §3 tier-review): evaluate, then record a kept tier
 * or take a change through the partner manager (and leadership), then apply it with its history.
 */
@Service
@Transactional
public class TierReviewService {

  /** ConfirmTierChange's options. */
  enum TierDecision { ACCEPT, OVERRIDE }

  /**
   * What the review found, for the gateways and the confirmation forms (the review row holds it all).
   * {@code commitmentsMissing}: nothing recorded for the trailing 12 months — no review row yet, RecordCommitments
   * first. {@code manual}: a manager's placement change, already decided by its proposer; {@code needsLeadership}
   * then says whether leadership approves it.
   */
  public record Evaluation(boolean commitmentsMissing, boolean tierWouldChange, String companyName, Tier currentTier,
      Recommendation recommendation, Tier recommendedTier, String explanation, String healthText, boolean manual,
      boolean needsLeadership) {
  }

  /** A manager's placement change (POST /api/partners/{id}/tier-changes): the tier, the reason, the proposer. */
  public record ManualChange(Tier tier, String reason, String proposedBy) {
  }

  /** After the decision took effect: whether the partner still needs a manager (and sponsor) assigned. */
  public record Applied(boolean needsManager, String companyName, Tier tier, Motion motion) {
  }

  public record Confirmation(String decidedTier, boolean needsLeadership) {
  }

  private final PartnerRepository partners;
  private final TierReviewRepository reviews;
  private final TermsCatalog terms;
  private final RuleResultStore ruleResults;
  private final WarningService warnings;
  private final EngineTime time;
  private final PartnerEvents events;
  private final OnboardingService onboarding;
  private final HealthService health;
  private final EngagementService engagement;

  public TierReviewService(PartnerRepository partners, TierReviewRepository reviews, TermsCatalog terms,
      RuleResultStore ruleResults, WarningService warnings, EngineTime time, PartnerEvents events,
      OnboardingService onboarding, HealthService health, EngagementService engagement) {
    this.health = health;
    this.engagement = engagement;
    this.events = events;
    this.onboarding = onboarding;
    this.partners = partners;
    this.reviews = reviews;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.warnings = warnings;
    this.time = time;
  }

  /**
   * Trailing-12-month annual revenue at the qualification credit, participation standards over the commitment
   * records of the trailing 12 months, health, the qualified placement and the maintenance recommendation, each
   * stored with its explanation. With nothing recorded (and not in manual mode) it stores nothing and asks for
   * RecordCommitments. Unmet participation standards raise a compliance breach into the warning escalation.
   */
  public Evaluation evaluate(String partnerId, String reviewId, ManualChange manualChange) {
    Partner partner = partners.get(partnerId);
    LocalDate today = time.today();
    ProgramTerms current = terms.effectiveOn(today);
    Tier tier = partner.tier();
    boolean manual = manualChange != null;

    List<CommitmentRecord> recorded = reviews.commitmentsEndingIn(partnerId, today.minusMonths(12), today);
    if (recorded.isEmpty() && !manual) {
      return new Evaluation(true, false, partner.companyName(), tier, null, null, null, null, false, false);
    }
    Commitments commitments = commitments(recorded, engagement.participation(partnerId, today.minusMonths(12), today),
        partner.activatedAt(), today);
    RuleResult<BigDecimal> credited = health.creditedRevenue(partnerId, today.minusMonths(12), today, current);
    BigDecimal revenue = credited.value();
    Motion contracted = partner.appliedMotion();
    RuleResult<Placement> placed = TierRules.placement(current, contracted, revenue);
    RuleResult<Tier> participation = TierRules.participationTier(current, commitments);
    RuleResult<Placement> qualified = TierRules.qualifiedPlacement(current, contracted, revenue, commitments);
    boolean onWatch = reviews.failingReviews(partnerId) > 0;
    RuleResult<MaintenanceDecision> maintenance = TierMaintenance.evaluate(current, tier, qualified.value().tier(),
        onWatch, today);
    HealthService.Computed health = this.health.compute(partnerId, reviewId);
    for (RuleResult<?> result : List.of(credited, qualified, maintenance)) {
      ruleResults.record(Subject.PARTNER, partnerId, result.explanation(), reviewId);
    }

    MaintenanceDecision decision = maintenance.value();
    Motion recommendedMotion = decision.newTier() == qualified.value().tier() ? qualified.value().motion()
        : motionAt(current, decision.newTier(), partner.motion());
    String explanation = credited.explanation().text().replaceFirst(" \\(terms [^)]*\\)$", "") + ". " + qualified.explanation().text() + ". "
        + maintenance.explanation().text();
    if (recommendedMotion != partner.motion()) {
      explanation = explanation + "; motion " + partner.motion() + " → " + recommendedMotion;
    }
    if (manual) {
      explanation = "Manual placement change to " + manualChange.tier() + " proposed by " + manualChange.proposedBy()
          + ": " + manualChange.reason() + ". Automatic review: " + explanation;
    }
    explanation = explanation.length() > 4000 ? explanation.substring(0, 3997) + "..." : explanation;
    reviews.insertReview(reviewId, partnerId, current.version(), tier.name(), revenue, placed.value().tier().name(),
        participation.value().name(), qualified.value().tier().name(), health.health().score(), health.health().band(),
        decision.recommendation().name(), decision.newTier().name(), decision.consecutiveFailingReviews(), explanation,
        recommendedMotion, health.factorsJson(), manual, time.now());
    if (!manual && participation.value().isBelow(tier)) {
      warnings.raiseBreach(partnerId, BreachCategory.PARTICIPATION_STANDARDS,
          "Tier review " + reviewId + ": " + participation.explanation().text(), "TIER_REVIEW", "system");
    }
    String healthText = health.health().score() + " of 100 (" + FormText.label(health.health().band()) + ")";
    if (manual) {
      Tier to = manualChange.tier();
      reviews.decideReview(reviewId, to.name(), manualChange.proposedBy(), "manual placement change: "
          + manualChange.reason(), time.now());
      return new Evaluation(false, to != tier, partner.companyName(), tier, decision.recommendation(), to,
          explanation, healthText, true, leadershipNeeded(tier, to, to, true));
    }
    boolean change = decision.recommendation() == Recommendation.PROMOTE
        || decision.recommendation() == Recommendation.DOWNGRADE || recommendedMotion != partner.motion();
    return new Evaluation(false, change, partner.companyName(), tier, decision.recommendation(),
        decision.newTier(), explanation, healthText, false, false);
  }

  /**
   * SPEC §3 amendments: any change into or out of STRATEGIC, an override above the recommendation and any upward
   * manual change need leadership.
   */
  static boolean leadershipNeeded(Tier current, Tier recommended, Tier decided, boolean manual) {
    boolean strategic = decided != current && (current == Tier.STRATEGIC || decided == Tier.STRATEGIC);
    return strategic || recommended.isBelow(decided) || (manual && current.isBelow(decided));
  }

  /** The motion at a tier other than the recommended one: the current motion where the tier allows it, else REFERRAL. */
  private static Motion motionAt(ProgramTerms terms, Tier tier, Motion motion) {
    return terms.motionsByTier().get(tier).contains(motion) ? motion : Motion.REFERRAL;
  }

  /** AssignPartnerManager after a promotion: checked and recorded as at onboarding. */
  public void assignManagement(String partnerId, String partnerManager, String executiveSponsor, String assignedBy) {
    onboarding.assignManagement(partnerId, partnerManager, executiveSponsor, assignedBy);
  }

  /** Saves what RecordCommitments recorded, checked as the API checks it (SPEC §4 commitments). */
  public void recordCommitments(String partnerId, CommitmentRecord record, String recordedBy) {
    partners.get(partnerId);
    reviews.saveCommitments(partnerId, record, recordedBy, time.now());
  }

  /** Keep or on watch: nothing changes but the grace count and the next review date. */
  public void recordKept(String partnerId, String reviewId) {
    Partner partner = partners.get(partnerId);
    reviews.decideReview(reviewId, partner.tier().name(), "system", null, time.now());
    int failing = failingReviewsAfter(reviews.review(reviewId));
    finish(partner, partner.tier(), failing);
    if (failing > 0) {
      events.emit(partnerId, PartnerEvent.TIER_ON_WATCH, "tier.on_watch:" + reviewId,
          Map.of("tier", partner.tier().name(), "failingReviews", failing));
    }
  }

  /**
   * ConfirmTierChange: ACCEPT the recommendation or OVERRIDE with a tier and a reason. A STRATEGIC downgrade or an
   * override above the recommendation needs leadership.
   */
  public Confirmation confirm(String partnerId, String reviewId, String decision, String overrideTier, String reason,
      String decidedBy) {
    TierDecision chosen = Decisions.oneOf(TIER_DECISION, decision, TierDecision.class);
    Review review = reviews.review(reviewId);
    Tier current = review.currentTier();
    Tier recommended = review.recommendedTier();
    String why = Decisions.optionalText(TIER_REASON, reason);
    Tier decided = recommended;
    if (chosen == TierDecision.OVERRIDE) {
      decided = Decisions.oneOf(OVERRIDE_TIER, overrideTier, Tier.class);
      Decisions.requireText(TIER_REASON, why, "is required to override the review");
    }
    reviews.decideReview(reviewId, decided.name(), decidedBy, why, time.now());
    return new Confirmation(decided.name(), leadershipNeeded(current, recommended, decided, false));
  }

  /**
   * Leadership's approval of a change into or out of STRATEGIC, an upward override or an upward manual change (never
   * by the manager who confirmed or proposed it); REJECT keeps the current tier.
   */
  public void approve(String partnerId, String reviewId, String decision, String reason, String decidedBy) {
    Verdict verdict = Decisions.oneOf(LEADERSHIP_DECISION, decision, Verdict.class);
    String why = Decisions.optionalText(LEADERSHIP_REASON, reason);
    Decisions.requireText(LEADERSHIP_REASON, why, "is required");
    Review review = reviews.review(reviewId);
    if (decidedBy.equals(review.decidedBy())) {
      throw new InvalidDecisionException(LEADERSHIP_DECISION, "the user who confirmed or proposed this change ("
          + decidedBy + ") may not approve it too");
    }
    Tier tier = verdict == Verdict.APPROVE ? review.decidedTier() : review.currentTier();
    String previousReason = review.decisionReason();
    reviews.decideReview(reviewId, tier == null ? null : tier.name(), decidedBy,
        (previousReason == null ? "" : previousReason + " / ")
        + "leadership " + decision + ": " + why, time.now());
  }

  /**
   * The decided tier takes effect today with its history row; benefits, launch methods, products and integration
   * types follow it, and a reseller or OEM partner falling to FOUNDATION continues under REFERRAL. A decision to
   * keep the tier keeps the evaluation's grace count.
   */
  public Applied apply(String partnerId, String reviewId) {
    Partner partner = partners.get(partnerId);
    Review review = reviews.review(reviewId);
    Tier from = partner.tier();
    Tier to = review.decidedTier();
    ProgramTerms current = terms.effectiveOn(time.today());
    Motion toMotion = to == review.recommendedTier() && review.recommendedMotion() != null ? review.recommendedMotion()
        : motionAt(current, to, partner.motion());
    if (from == to && toMotion == partner.motion()) {
      finish(partner, from, failingReviewsAfter(review));
      return new Applied(false, partner.companyName(), to, toMotion);
    }
    RuleResult<Motion> motion = EligibilityRules.motionAfterTierChange(current, to, toMotion);
    Entitlements entitled = Entitlements.of(current, to, motion.value());
    ruleResults.record(Subject.PARTNER, partnerId, motion.explanation(), reviewId);
    entitled.explanations().forEach(e -> ruleResults.record(Subject.PARTNER, partnerId, e, reviewId));
    partners.changeTier(partnerId, to, motion.value(), entitled.launchMethods(), entitled.products(),
        entitled.integrationTypes(), current.version(), time.now());
    String reason = review.decisionReason() != null ? review.decisionReason() : review.explanation();
    if (motion.value() != partner.motion() && !reason.contains(motion.explanation().text())) {
      reason = reason + " " + motion.explanation().text();
    }
    reason = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
    reviews.insertTierChange(partnerId, new TierChange(from, to, partner.motion(), motion.value(), time.today(), reason,
        review.decidedBy(), reviewId), time.now());
    Partner changed = partners.get(partnerId);
    finish(changed, to, from == to ? failingReviewsAfter(review) : 0);
    if (from != to) {
      events.emit(partnerId, PartnerEvent.TIER_CHANGED, "tier.changed:" + reviewId, Map.of("fromTier", from.name(),
          "toTier", to.name(), "motion", motion.value().name(), "effectiveOn", time.today().toString()));
    }
    boolean promoted = from.isBelow(to) && to != Tier.FOUNDATION;
    boolean needsManager = promoted && (changed.partnerManager() == null
        || (to == Tier.STRATEGIC && changed.executiveSponsor() == null));
    return new Applied(needsManager, changed.companyName(), to, motion.value());
  }

  /** The grace count if the recommendation stands, as evaluated (stored with the review, not in a variable). */
  private static int failingReviewsAfter(Review review) {
    return review.failingReviewsAfter();
  }

  /** On watch (failingReviews > 0): re-reviewed at the end of its grace; otherwise on the tier's cadence. */
  private void finish(Partner partner, Tier tier, int failingReviews) {
    ProgramTerms current = terms.effectiveOn(time.today());
    LocalDate next = failingReviews > 0 ? TierMaintenance.reReviewDue(current, tier, time.today())
        : TierMaintenance.nextReviewDue(current, tier, time.today()).value();
    reviews.finishReview(partner.id(), failingReviews, next);
  }

  /**
   * The trailing 12 months' records summed (SPEC §2) with the meetings logged in them (business reviews and
   * meetings through the API, {@link org.partnerlifecycle.rules.Engagement#credit}): counts add up, the certified percent is the latest record's, the
   * business plan, relief and presence count when any record has them. A partner active for less than a year owes
   * the standards pro rata for its whole months active.
   */
  static Commitments commitments(List<CommitmentRecord> records, Credit meetings, Instant activatedAt,
      LocalDate today) {
    int months = 12;
    if (activatedAt != null) {
      LocalDate since = LocalDate.ofInstant(activatedAt, java.time.ZoneOffset.UTC);
      months = (int) Math.max(0, Math.min(12, ChronoUnit.MONTHS.between(since, today)));
    }
    int management = meetings.managementMeetings();
    int ceo = meetings.ceoMeetings();
    int cSuite = meetings.cSuiteMeetings();
    int enablement = meetings.enablementSessions();
    boolean plan = false;
    boolean relief = false;
    boolean presence = false;
    for (CommitmentRecord c : records) {
      management += c.managementMeetingsHeld();
      ceo += c.ceoMeetingsHeld();
      cSuite += c.cSuiteMeetingsHeld();
      enablement += c.enablementSessionsHeld();
      plan |= c.businessPlanAgreed();
      relief |= c.commissionQuotaRelief();
      presence |= c.salesEventPresence();
    }
    int certified = records.isEmpty() ? 0 : records.get(0).certifiedFieldPercent();
    return new Commitments(months, management, ceo, cSuite, enablement, certified, plan, relief, presence);
  }
}
