package org.partnerlifecycle.tier;

import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.notification.PartnerEvents;

import static org.partnerlifecycle.tier.process.TierReviewProcess.LEADERSHIP_DECISION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.LEADERSHIP_REASON;
import static org.partnerlifecycle.tier.process.TierReviewProcess.OVERRIDE_TIER;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_DECISION;
import static org.partnerlifecycle.tier.process.TierReviewProcess.TIER_REASON;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnerlifecycle.audit.RuleResultStore.Subject;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.partner.Entitlements;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.rules.Attribution;
import org.partnerlifecycle.rules.EligibilityRules;
import org.partnerlifecycle.rules.HealthScore.Health;
import org.partnerlifecycle.rules.HealthScore.Indicators;
import org.partnerlifecycle.rules.HealthScore.PortalActivity;
import org.partnerlifecycle.rules.HealthScore.StrategicFit;
import org.partnerlifecycle.rules.HealthScore;
import org.partnerlifecycle.rules.Money;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.rules.TierMaintenance.MaintenanceDecision;
import org.partnerlifecycle.rules.TierMaintenance.Recommendation;
import org.partnerlifecycle.rules.TierMaintenance;
import org.partnerlifecycle.rules.TierRules.Commitments;
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

  /** What the review found, for the gateway and the confirmation forms (the review row holds it all). */
  public record Evaluation(boolean tierWouldChange, String companyName, String currentTier, String recommendation,
      String recommendedTier, String explanation, String healthText) {
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

  public TierReviewService(PartnerRepository partners, TierReviewRepository reviews, TermsCatalog terms,
      RuleResultStore ruleResults, WarningService warnings, EngineTime time, PartnerEvents events) {
    this.events = events;
    this.partners = partners;
    this.reviews = reviews;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.warnings = warnings;
    this.time = time;
  }

  /**
   * Trailing-12-month attributed revenue, participation standards from the latest recorded commitments, health, the
   * qualified tier and the maintenance recommendation, each stored with its explanation. Unmet participation
   * standards raise a compliance breach into the warning escalation.
   */
  public Evaluation evaluate(String partnerId, String reviewId) {
    Partner partner = partners.get(partnerId);
    LocalDate today = time.today();
    ProgramTerms current = terms.effectiveOn(today);
    Tier tier = partner.tier();
    Motion motion = partner.motion();

    BigDecimal revenue = attributedRevenue(partnerId, today.minusMonths(12), today, current);
    Optional<CommitmentRecord> recorded = reviews.latestCommitments(partnerId);
    Commitments commitments = recorded.map(TierReviewService::commitments)
        // Nothing recorded: no standard was met.
        .orElse(new Commitments(12, 0, 0, 0, 0, 0, false));
    RuleResult<Tier> revenueTier = TierRules.revenueTier(current, motion, revenue);
    RuleResult<Tier> participation = TierRules.participationTier(current, commitments);
    RuleResult<Tier> qualified = TierRules.qualifiedTier(current, motion, revenue, commitments);
    RuleResult<MaintenanceDecision> maintenance = TierMaintenance.evaluate(current, tier, qualified.value(),
        reviews.failingReviews(partnerId));
    RuleResult<Health> health = HealthScore.scoreFromIndicators(current, indicators(partnerId, revenue, recorded, today,
        current));
    for (RuleResult<?> result : List.of(qualified, maintenance, health)) {
      ruleResults.record(Subject.PARTNER, partnerId, result.explanation(), reviewId);
    }

    MaintenanceDecision decision = maintenance.value();
    String explanation = qualified.explanation().text() + ". " + maintenance.explanation().text();
    reviews.insertReview(reviewId, partnerId, current.version(), tier.name(), revenue, revenueTier.value().name(),
        participation.value().name(), qualified.value().name(), health.value().score(), health.value().band(),
        decision.recommendation().name(), decision.newTier().name(), decision.consecutiveFailingReviews(), explanation,
        time.now());
    if (participation.value().isBelow(tier)) {
      warnings.raiseBreach(partnerId, BreachCategory.PARTICIPATION_STANDARDS,
          "Tier review " + reviewId + ": " + participation.explanation().text(), "TIER_REVIEW", "system");
    }
    boolean change = decision.recommendation() == Recommendation.PROMOTE
        || decision.recommendation() == Recommendation.DOWNGRADE;
    return new Evaluation(change, partner.companyName(), tier.name(), decision.recommendation().name(),
        decision.newTier().name(), explanation,
        health.value().score() + " (" + health.value().band() + ")");
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
    Decisions.requireOneOf(TIER_DECISION, decision, Set.of("ACCEPT", "OVERRIDE"));
    Review review = reviews.review(reviewId);
    Tier current = review.currentTier();
    Tier recommended = review.recommendedTier();
    String why = Decisions.optionalText(TIER_REASON, reason);
    Tier decided = recommended;
    if ("OVERRIDE".equals(decision)) {
      Decisions.requireOneOf(OVERRIDE_TIER, overrideTier, Set.of("FOUNDATION", "GROWTH", "STRATEGIC"));
      Decisions.requireText(TIER_REASON, why, "is required to override the review");
      decided = Tier.valueOf(overrideTier);
    }
    reviews.decideReview(reviewId, decided.name(), decidedBy, why, time.now());
    boolean strategicDowngrade = current == Tier.STRATEGIC && decided.isBelow(Tier.STRATEGIC);
    boolean upwardOverride = recommended.isBelow(decided);
    return new Confirmation(decided.name(), strategicDowngrade || upwardOverride);
  }

  /** Leadership's approval of a STRATEGIC downgrade or an upward override; REJECT keeps the current tier. */
  public void approve(String partnerId, String reviewId, String decision, String reason, String decidedBy) {
    Decisions.requireOneOf(LEADERSHIP_DECISION, decision, Set.of("APPROVE", "REJECT"));
    String why = Decisions.optionalText(LEADERSHIP_REASON, reason);
    Decisions.requireText(LEADERSHIP_REASON, why, "is required");
    Review review = reviews.review(reviewId);
    if (decidedBy.equals(review.decidedBy())) {
      throw new InvalidDecisionException(LEADERSHIP_DECISION, "the partner manager who decided (" + decidedBy
          + ") may not approve it too");
    }
    Tier tier = "APPROVE".equals(decision) ? review.decidedTier() : review.currentTier();
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
  public void apply(String partnerId, String reviewId) {
    Partner partner = partners.get(partnerId);
    Review review = reviews.review(reviewId);
    Tier from = partner.tier();
    Tier to = review.decidedTier();
    if (from == to) {
      finish(partner, from, failingReviewsAfter(review));
      return;
    }
    ProgramTerms current = terms.effectiveOn(time.today());
    RuleResult<Motion> motion = EligibilityRules.motionAfterTierChange(current, to, partner.motion());
    Entitlements entitled = Entitlements.of(current, to, motion.value());
    ruleResults.record(Subject.PARTNER, partnerId, motion.explanation(), reviewId);
    entitled.explanations().forEach(e -> ruleResults.record(Subject.PARTNER, partnerId, e, reviewId));
    partners.changeTier(partnerId, to, motion.value(), entitled.launchMethods(), entitled.products(),
        entitled.integrationTypes(), current.version(), time.now());
    String reason = review.decisionReason() != null ? review.decisionReason() : review.explanation();
    if (motion.value() != partner.motion()) {
      reason = reason + " " + motion.explanation().text();
    }
    reviews.insertTierChange(partnerId, new TierChange(from, to, partner.motion(), motion.value(), time.today(), reason,
        review.decidedBy(), reviewId), time.now());
    finish(partners.get(partnerId), to, 0);
    events.emit(partnerId, PartnerEvent.TIER_CHANGED, "tier.changed:" + reviewId, Map.of("fromTier", from.name(),
        "toTier", to.name(), "motion", motion.value().name(), "effectiveOn", time.today().toString()));
  }

  /** The grace count if the recommendation stands, as evaluated (stored with the review, not in a variable). */
  private static int failingReviewsAfter(Review review) {
    return review.failingReviewsAfter();
  }

  private void finish(Partner partner, Tier tier, int failingReviews) {
    LocalDate next = TierMaintenance.nextReviewDue(terms.effectiveOn(time.today()), tier, time.today()).value();
    reviews.finishReview(partner.id(), failingReviews, next);
  }

  /** WON deals closed in the period, sourced at 100 % and influenced at the terms' attribution percent. */
  BigDecimal attributedRevenue(String partnerId, LocalDate from, LocalDate to, ProgramTerms terms) {
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> sum : reviews.wonRevenueByAttribution(partnerId, from, to).entrySet()) {
      Attribution attribution = sum.getKey() == null ? Attribution.SOURCED : Attribution.valueOf(sum.getKey());
      total = total.add(Money.percentOf(sum.getValue(), terms.attributionPercent().get(attribution)));
    }
    return Money.cents(total);
  }

  /** The playbook's indicators from what we record; unknown NPS and fit count as the lowest (the cautious reading). */
  private Indicators indicators(String partnerId, BigDecimal revenue, Optional<CommitmentRecord> commitments,
      LocalDate today, ProgramTerms terms) {
    BigDecimal previous = attributedRevenue(partnerId, today.minusMonths(24), today.minusMonths(12), terms);
    BigDecimal growth = previous.signum() == 0 ? (revenue.signum() > 0 ? new BigDecimal("100") : BigDecimal.ZERO)
        : revenue.subtract(previous).multiply(Money.HUNDRED).divide(previous, 2, java.math.RoundingMode.HALF_EVEN);
    Instant now = time.now();
    int dealsLastQuarter = reviews.registrationsSince(partnerId, now.minus(Duration.ofDays(91)));
    PortalActivity activity = reviews.lastRegistration(partnerId).map(last -> {
      long days = ChronoUnit.DAYS.between(last, now);
      return days <= 7 ? PortalActivity.WEEKLY : days <= 31 ? PortalActivity.MONTHLY
          : days <= 92 ? PortalActivity.QUARTERLY : PortalActivity.INACTIVE;
    }).orElse(PortalActivity.INACTIVE);
    Integer nps = commitments.map(CommitmentRecord::nps).orElse(null);
    StrategicFit fit = commitments.map(CommitmentRecord::strategicFit).map(StrategicFit::valueOf)
        .orElse(StrategicFit.WEAK);
    return new Indicators(growth, dealsLastQuarter, activity, nps, fit);
  }

  private static Commitments commitments(CommitmentRecord c) {
    int months = (int) Math.max(1, Math.min(24, Math.round(ChronoUnit.DAYS.between(c.periodStart(),
        c.periodEnd().plusDays(1)) / 30.4375)));
    return new Commitments(months, c.managementMeetingsHeld(), c.ceoMeetingsHeld(), c.cSuiteMeetingsHeld(),
        c.enablementSessionsHeld(), c.certifiedFieldPercent(), c.businessPlanAgreed());
  }
}
