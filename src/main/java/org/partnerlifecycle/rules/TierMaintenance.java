package org.partnerlifecycle.rules;

import java.time.LocalDate;

/**
 * Tier maintenance (playbook "Tier Maintenance Requirements", seed 001 lines 1446-1451: grace 1 / 2 / 3 quarters,
 * drop one level; adopted in SPEC §2): promotion once confirmed; a partner qualified below its tier is on watch and
 * is reviewed again when its grace ends (GROWTH after 1 quarter, STRATEGIC after 2); still below then, it drops ONE
 * tier.
 */
public final class TierMaintenance {

  public enum Recommendation { PROMOTE, KEEP, ON_WATCH, DOWNGRADE }

  /**
   * {@code consecutiveFailingReviews} is 1 while on watch and 0 otherwise; {@code reReviewDue} is the end of grace
   * for ON_WATCH, else null.
   */
  public record MaintenanceDecision(Recommendation recommendation, Tier newTier, int consecutiveFailingReviews,
      LocalDate reReviewDue) {
  }

  private TierMaintenance() {
  }

  /**
   * @param onWatch whether the partner is on watch from an earlier review (this review is its re-review at the end
   *     of grace)
   */
  public static RuleResult<MaintenanceDecision> evaluate(ProgramTerms terms, Tier currentTier, Tier qualifiedTier,
      boolean onWatch, LocalDate today) {
    Args.required("terms", terms);
    Args.required("currentTier", currentTier);
    Args.required("qualifiedTier", qualifiedTier);
    Args.required("today", today);
    int grace = terms.graceQuarters().get(currentTier);
    MaintenanceDecision decision;
    String text;
    if (currentTier.isBelow(qualifiedTier)) {
      decision = new MaintenanceDecision(Recommendation.PROMOTE, qualifiedTier, 0, null);
      text = "Qualifies for " + qualifiedTier + " above its " + currentTier + ": promotion once confirmed";
    } else if (!qualifiedTier.isBelow(currentTier)) {
      decision = new MaintenanceDecision(Recommendation.KEEP, currentTier, 0, null);
      text = "Qualifies for its " + currentTier + (onWatch ? "; off watch" : "");
    } else if (onWatch || grace == 0) {
      decision = new MaintenanceDecision(Recommendation.DOWNGRADE, currentTier.lower(), 0, null);
      text = "Qualifies only for " + qualifiedTier + (onWatch ? " again at the end of its " + currentTier
          + " grace of " + grace + " quarter" + (grace == 1 ? "" : "s") : "") + ": down one tier to "
          + currentTier.lower();
    } else {
      LocalDate due = reReviewDue(terms, currentTier, today);
      decision = new MaintenanceDecision(Recommendation.ON_WATCH, currentTier, 1, due);
      text = "Qualifies only for " + qualifiedTier + ": on watch, stays " + currentTier + " for its grace of " + grace
          + " quarter" + (grace == 1 ? "" : "s") + "; reviewed again on " + due;
    }
    return Explanation.of("tier.maintenance", terms).input("currentTier", currentTier)
        .input("qualifiedTier", qualifiedTier).input("onWatch", onWatch).input("today", today)
        .result(decision, "tierMaintenance.graceQuarters." + currentTier, decision.recommendation().name(), text);
  }

  /** The end of an on-watch partner's grace: {@code from} plus the tier's grace quarters (3 months each). */
  public static LocalDate reReviewDue(ProgramTerms terms, Tier tier, LocalDate from) {
    return from.plusMonths(3L * terms.graceQuarters().get(tier));
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
