package org.partnerlifecycle.rules;

import java.time.LocalDate;

/**
 * Tier maintenance (playbook, adopted in SPEC §2): promotion at once; a partner qualified below its tier is on
 * watch and drops ONE tier only after more consecutive failing reviews than its grace allows.
 */
public final class TierMaintenance {

  public enum Recommendation { PROMOTE, KEEP, ON_WATCH, DOWNGRADE }

  public record MaintenanceDecision(Recommendation recommendation, Tier newTier, int consecutiveFailingReviews) {
  }

  private TierMaintenance() {
  }

  public static RuleResult<MaintenanceDecision> evaluate(ProgramTerms terms, Tier currentTier, Tier qualifiedTier,
      int failingReviewsBefore) {
    Args.required("terms", terms);
    Args.required("currentTier", currentTier);
    Args.required("qualifiedTier", qualifiedTier);
    if (failingReviewsBefore < 0) {
      throw new IllegalArgumentException("failingReviewsBefore must not be negative");
    }
    int grace = terms.graceReviews().get(currentTier);
    MaintenanceDecision decision;
    String text;
    if (currentTier.isBelow(qualifiedTier)) {
      decision = new MaintenanceDecision(Recommendation.PROMOTE, qualifiedTier, 0);
      text = "Qualifies for " + qualifiedTier + " above its " + currentTier + ": promoted at once";
    } else if (!qualifiedTier.isBelow(currentTier)) {
      decision = new MaintenanceDecision(Recommendation.KEEP, currentTier, 0);
      text = "Qualifies for its " + currentTier + (failingReviewsBefore > 0 ? "; the failing-review count resets" : "");
    } else {
      int failing = failingReviewsBefore + 1;
      if (failing > grace) {
        decision = new MaintenanceDecision(Recommendation.DOWNGRADE, currentTier.lower(), 0);
        text = "Qualifies only for " + qualifiedTier + " in " + failing + " consecutive reviews, more than the "
            + currentTier + " grace of " + grace + ": down one tier to " + currentTier.lower();
      } else {
        decision = new MaintenanceDecision(Recommendation.ON_WATCH, currentTier, failing);
        text = "Qualifies only for " + qualifiedTier + " (failing review " + failing + " of a grace of " + grace
            + "): on watch, stays " + currentTier;
      }
    }
    return Explanation.of("tier.maintenance", terms).input("currentTier", currentTier)
        .input("qualifiedTier", qualifiedTier).input("consecutiveFailingReviewsBefore", failingReviewsBefore)
        .result(decision, "tierMaintenance.graceReviews." + currentTier, decision.recommendation().name(), text);
  }

  /** STRATEGIC every 6 months, others every 12 (terms). */
  public static RuleResult<LocalDate> nextReviewDue(ProgramTerms terms, Tier tier, LocalDate from) {
    Args.required("terms", terms);
    Args.required("tier", tier);
    Args.required("from", from);
    int months = terms.reviewCadenceMonths().get(tier);
    LocalDate due = from.plusMonths(months);
    return Explanation.of("tier.reviewCadence", terms).input("tier", tier).input("from", from)
        .result(due, "tierMaintenance.reviewCadenceMonths." + tier, due.toString(),
            tier + " is reviewed every " + months + " months: next review due " + due);
  }
}
