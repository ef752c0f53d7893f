package org.partnerlifecycle.tier;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Tier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a tier review reads (revenue, commitments, activity) and writes (reviews, tier history, schedule). */
@Repository
public class TierReviewRepository {

  public record CommitmentRecord(LocalDate periodStart, LocalDate periodEnd, int managementMeetingsHeld,
      int ceoMeetingsHeld, int cSuiteMeetingsHeld, int enablementSessionsHeld, int certifiedFieldPercent,
      boolean businessPlanAgreed, Integer nps, String strategicFit, boolean commissionQuotaRelief,
      boolean salesEventPresence) {
  }

  public record TierChange(Tier fromTier, Tier toTier, Motion fromMotion, Motion toMotion, LocalDate effectiveDate,
      String reason, String decidedBy, String reviewId) {
  }

  /**
   * A tier review as stored: the tier it started from, the recommendation, the decision so far (none until
   * confirmed), the evaluation's explanation and grace count (null only on rows from before V9, until backfilled).
   */
  public record Review(String id, String partnerId, Tier currentTier, Tier recommendedTier, Tier decidedTier,
      String decidedBy, String decisionReason, String explanation, Integer failingReviewsAfter,
      Motion recommendedMotion, boolean manual) {
  }

  private final JdbcTemplate jdbc;

  public TierReviewRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The commitment records whose periods end in (from, to] — the trailing 12 months of a review — latest first. */
  public List<CommitmentRecord> commitmentsEndingIn(String partnerId, LocalDate from, LocalDate to) {
    return jdbc.query("SELECT * FROM partner_commitment WHERE partner_id = ? AND period_end > ? AND period_end <= ? "
        + "ORDER BY period_end DESC, id DESC", (rs, i) -> commitment(rs), partnerId, Date.valueOf(from),
        Date.valueOf(to));
  }

  private static CommitmentRecord commitment(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CommitmentRecord(rs.getDate("period_start").toLocalDate(),
        rs.getDate("period_end").toLocalDate(), rs.getInt("management_meetings_held"),
        rs.getInt("ceo_meetings_held"), rs.getInt("c_suite_meetings_held"), rs.getInt("enablement_sessions_held"),
        rs.getInt("certified_field_percent"), rs.getBoolean("business_plan_agreed"),
        (Integer) rs.getObject("nps", Integer.class), rs.getString("strategic_fit"),
        rs.getBoolean("commission_quota_relief"), rs.getBoolean("sales_event_presence"));
  }

  /** One record per partner and period: recording the same period again replaces it. */
  public void saveCommitments(String partnerId, CommitmentRecord c, String recordedBy, Instant now) {
    jdbc.update("DELETE FROM partner_commitment WHERE partner_id = ? AND period_start = ? AND period_end = ?",
        partnerId, Date.valueOf(c.periodStart()), Date.valueOf(c.periodEnd()));
    jdbc.update("INSERT INTO partner_commitment (partner_id, period_start, period_end, management_meetings_held, "
            + "ceo_meetings_held, c_suite_meetings_held, enablement_sessions_held, certified_field_percent, "
            + "business_plan_agreed, nps, strategic_fit, commission_quota_relief, sales_event_presence, recorded_by, "
            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        partnerId, Date.valueOf(c.periodStart()), Date.valueOf(c.periodEnd()), c.managementMeetingsHeld(),
        c.ceoMeetingsHeld(), c.cSuiteMeetingsHeld(), c.enablementSessionsHeld(), c.certifiedFieldPercent(),
        c.businessPlanAgreed(), c.nps(), c.strategicFit(), c.commissionQuotaRelief(), c.salesEventPresence(),
        recordedBy, Timestamp.from(now));
  }

  /** The partner's tier (null before placement); throws when there is no such partner. */
  public Tier currentTier(String partnerId) {
    return tier(jdbc.queryForObject("SELECT tier FROM partner WHERE id = ?", String.class, partnerId));
  }

  public int failingReviews(String partnerId) {
    return jdbc.queryForObject("SELECT failing_reviews FROM partner WHERE id = ?", Integer.class, partnerId);
  }

  /** The review is over: the count of failing reviews, the next due date, and the partner is free for the next. */
  public void finishReview(String partnerId, int failingReviews, LocalDate nextReviewDue) {
    jdbc.update("UPDATE partner SET failing_reviews = ?, next_review_due = ?, review_in_progress = FALSE WHERE id = ?",
        failingReviews, Date.valueOf(nextReviewDue), partnerId);
  }

  /** Claims up to {@code limit} ACTIVE partners whose review is due and not running, oldest due first. */
  public List<String> claimDueReviews(LocalDate today, int limit) {
    List<String> due = jdbc.queryForList("SELECT id FROM partner WHERE status = 'ACTIVE' AND next_review_due <= ? "
        + "AND NOT review_in_progress ORDER BY next_review_due, id FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE",
        String.class, Date.valueOf(today));
    due.forEach(this::markInProgress);
    return due;
  }

  /** @return whether the partner was free (no review running) and is now claimed */
  public boolean claim(String partnerId) {
    return jdbc.update("UPDATE partner SET review_in_progress = TRUE WHERE id = ? AND status = 'ACTIVE' "
        + "AND NOT review_in_progress", partnerId) == 1;
  }

  private void markInProgress(String partnerId) {
    jdbc.update("UPDATE partner SET review_in_progress = TRUE WHERE id = ?", partnerId);
  }

  public void insertReview(String reviewId, String partnerId, String termsVersion, String currentTier,
      BigDecimal trailingRevenue, String revenueTier, String participationTier, String qualifiedTier, int healthScore,
      String healthBand, String recommendation, String recommendedTier, int failingReviewsAfter, String explanation,
      Motion recommendedMotion, String healthFactorsJson, boolean manual, Instant now) {
    jdbc.update("INSERT INTO tier_review (id, partner_id, terms_version, current_tier, trailing_revenue, revenue_tier, "
            + "participation_tier, qualified_tier, health_score, health_band, recommendation, recommended_tier, "
            + "failing_reviews_after, explanation, recommended_motion, health_factors, manual, started_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reviewId, partnerId, termsVersion, currentTier, trailingRevenue, revenueTier, participationTier, qualifiedTier,
        healthScore, healthBand, recommendation, recommendedTier, failingReviewsAfter, explanation,
        recommendedMotion.name(), healthFactorsJson, manual, Timestamp.from(now));
  }

  public void decideReview(String reviewId, String decidedTier, String decidedBy, String reason, Instant now) {
    jdbc.update("UPDATE tier_review SET decided_tier = ?, decided_by = ?, decision_reason = ?, decided_at = ? "
        + "WHERE id = ?", decidedTier, decidedBy, reason, Timestamp.from(now), reviewId);
  }

  public Review review(String reviewId) {
    return jdbc.queryForObject("SELECT * FROM tier_review WHERE id = ?", (rs, i) -> new Review(rs.getString("id"),
        rs.getString("partner_id"), tier(rs.getString("current_tier")), tier(rs.getString("recommended_tier")),
        tier(rs.getString("decided_tier")), rs.getString("decided_by"), rs.getString("decision_reason"),
        rs.getString("explanation"), (Integer) rs.getObject("failing_reviews_after", Integer.class),
        motion(rs.getString("recommended_motion")), rs.getBoolean("manual")), reviewId);
  }

  /** On watch (from a review below its tier) and when the re-review at the end of its grace is due. */
  public record WatchState(boolean onWatch, LocalDate reReviewDue) {
  }

  public WatchState watchState(String partnerId) {
    return jdbc.queryForObject("SELECT failing_reviews, next_review_due FROM partner WHERE id = ?",
        (rs, i) -> {
          boolean watch = rs.getInt(1) > 0;
          return new WatchState(watch, watch && rs.getDate(2) != null ? rs.getDate(2).toLocalDate() : null);
        }, partnerId);
  }

  public void insertTierChange(String partnerId, TierChange change, Instant now) {
    jdbc.update("INSERT INTO tier_change (partner_id, from_tier, to_tier, from_motion, to_motion, effective_date, "
            + "reason, decided_by, review_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        partnerId, change.fromTier().name(), change.toTier().name(), change.fromMotion().name(),
        change.toMotion().name(),
        Date.valueOf(change.effectiveDate()), change.reason(), change.decidedBy(), change.reviewId(),
        Timestamp.from(now));
  }

  public List<TierChange> tierHistory(String partnerId) {
    return jdbc.query("SELECT * FROM tier_change WHERE partner_id = ? ORDER BY id",
        (rs, i) -> new TierChange(tier(rs.getString("from_tier")), tier(rs.getString("to_tier")),
            motion(rs.getString("from_motion")), motion(rs.getString("to_motion")),
            rs.getDate("effective_date").toLocalDate(), rs.getString("reason"),
            rs.getString("decided_by"), rs.getString("review_id")), partnerId);
  }

  private static Tier tier(String name) {
    return name == null ? null : Tier.valueOf(name);
  }

  private static Motion motion(String name) {
    return name == null ? null : Motion.valueOf(name);
  }
}
