package org.partnerlifecycle.tier.process;

import static org.partnerlifecycle.tier.process.TierReviewProcess.BUSINESS_PLAN;
import static org.partnerlifecycle.tier.process.TierReviewProcess.CEO_MEETINGS;
import static org.partnerlifecycle.tier.process.TierReviewProcess.CERTIFIED_PERCENT;
import static org.partnerlifecycle.tier.process.TierReviewProcess.C_SUITE_MEETINGS;
import static org.partnerlifecycle.tier.process.TierReviewProcess.ENABLEMENT_SESSIONS;
import static org.partnerlifecycle.tier.process.TierReviewProcess.EVENT_PRESENCE;
import static org.partnerlifecycle.tier.process.TierReviewProcess.MANAGEMENT_MEETINGS;
import static org.partnerlifecycle.tier.process.TierReviewProcess.NPS;
import static org.partnerlifecycle.tier.process.TierReviewProcess.PERIOD_END;
import static org.partnerlifecycle.tier.process.TierReviewProcess.PERIOD_START;
import static org.partnerlifecycle.tier.process.TierReviewProcess.QUOTA_RELIEF;
import static org.partnerlifecycle.tier.process.TierReviewProcess.STRATEGIC_FIT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.partnerlifecycle.engine.CheckedTaskCompletion;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.engine.TaskActor;
import org.partnerlifecycle.tier.TierReviewRepository.CommitmentRecord;
import org.partnerlifecycle.tier.TierReviewService;
import org.springframework.stereotype.Component;

/**
 * tier-review: completion of {@code RecordCommitments}, checked as the commitments API checks its body, and saved;
 * the review then evaluates again. The period must end in the review's trailing 12 months (else the review would ask
 * again).
 */
@Component("commitmentsRecorded")
class CommitmentsRecorded extends CheckedTaskCompletion {

  private final TierReviewService reviews;
  private final EngineTime time;

  CommitmentsRecorded(TierReviewService reviews, EngineTime time) {
    this.reviews = reviews;
    this.time = time;
  }

  @Override
  protected void record(DelegateTask task, String partnerId) {
    LocalDate start = TaskActor.date(task, PERIOD_START);
    LocalDate end = TaskActor.date(task, PERIOD_END);
    if (end.isBefore(start)) {
      throw new InvalidDecisionException(PERIOD_END, "must not be before periodStart");
    }
    if (end.isAfter(start.plusMonths(24))) {
      throw new InvalidDecisionException(PERIOD_END, "a period is at most 24 months");
    }
    LocalDate today = time.today();
    if (!end.isAfter(today.minusMonths(12)) || end.isAfter(today)) {
      throw new InvalidDecisionException(PERIOD_END, "must fall in the review's trailing 12 months ("
          + today.minusMonths(12).plusDays(1) + " to " + today + ")");
    }
    Integer nps = optionalCount(task, NPS, -100, 100);
    String fit = TaskActor.text(task, STRATEGIC_FIT);
    if (fit != null && fit.isBlank()) {
      fit = null;
    }
    if (fit != null && !Set.of("STRONG", "MODERATE", "WEAK").contains(fit)) {
      throw new InvalidDecisionException(STRATEGIC_FIT, "must be one of STRONG, MODERATE, WEAK");
    }
    reviews.recordCommitments(partnerId, new CommitmentRecord(start, end, count(task, MANAGEMENT_MEETINGS, 1000),
        count(task, CEO_MEETINGS, 100), count(task, C_SUITE_MEETINGS, 100), count(task, ENABLEMENT_SESSIONS, 100),
        count(task, CERTIFIED_PERCENT, 100), TaskActor.flag(task, BUSINESS_PLAN), nps, fit, TaskActor.flag(task, QUOTA_RELIEF),
        TaskActor.flag(task, EVENT_PRESENCE)), TaskActor.of(task));
  }

  private static int count(DelegateTask task, String variable, int max) {
    Integer value = optionalCount(task, variable, 0, max);
    if (value == null) {
      throw new InvalidDecisionException(variable, "is required");
    }
    return value;
  }

  private static Integer optionalCount(DelegateTask task, String variable, int min, int max) {
    BigDecimal value = TaskActor.decimal(task, variable);
    if (value == null) {
      return null;
    }
    if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidDecisionException(variable, "must be a whole number from " + min + " to " + max);
    }
    return value.intValueExact();
  }
}
