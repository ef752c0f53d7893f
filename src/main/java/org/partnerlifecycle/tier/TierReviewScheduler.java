package org.partnerlifecycle.tier;

import java.util.List;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.tier.process.TierReviewProcess;
import org.partnerlifecycle.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts reviews that are due: one indexed query on next_review_due per batch, and a tier-review instance only
 * for partners actually due — no process per partner per day just to check a date. The nightly
 * tier-review-scheduler process calls it batch by batch, each batch in its own transaction. Each review's
 * evaluation is asynchronous (asyncBefore), so the job executors of all nodes evaluate in parallel.
 */
@Service
public class TierReviewScheduler {

  public static final int BATCH_SIZE = 200;

  private final TierReviewRepository reviews;
  private final TierReviewProcess process;
  private final EngineTime time;

  public TierReviewScheduler(TierReviewRepository reviews, TierReviewProcess process, EngineTime time) {
    this.reviews = reviews;
    this.process = process;
    this.time = time;
  }

  /** @return how many reviews started (fewer than {@code limit} means none is left due today) */
  @Transactional
  public int startDueReviews(int limit) {
    List<String> due = reviews.claimDueReviews(time.today(), limit);
    due.forEach(this::start);
    return due.size();
  }

  /**
   * On demand. Refused (and so neither started nor audited) when the partner is not ACTIVE or a review already runs.
   */
  @Transactional
  @Audited(action = "partner.tierReviewRequested", subject = AuditLog.Subject.PARTNER)
  public void startReview(String partnerId) {
    if (!reviews.claim(partnerId)) {
      throw new ConflictException("Partner " + partnerId + " is not ACTIVE or its tier review is already running");
    }
    start(partnerId);
  }

  /**
   * A manager's placement change: a review in manual mode. Refused like an on-demand review (409), and when the
   * partner is already at that tier (400, field tier).
   */
  @Transactional
  public String startManualReview(String partnerId, org.partnerlifecycle.rules.Tier tier, String reason,
      String proposedBy) {
    org.partnerlifecycle.rules.Tier current = reviews.currentTier(partnerId);
    if (current == tier) {
      throw new org.partnerlifecycle.web.InvalidRequestException("tier", "the partner is already " + tier);
    }
    if (!reviews.claim(partnerId)) {
      throw new ConflictException("Partner " + partnerId + " is not ACTIVE or its tier review is already running");
    }
    return process.startManual(partnerId, tier.name(), reason, proposedBy);
  }

  private void start(String partnerId) {
    process.start(partnerId);
  }
}
