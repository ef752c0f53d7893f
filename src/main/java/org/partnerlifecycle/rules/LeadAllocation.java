package org.partnerlifecycle.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The published lead allocation rule (terms {@code leadRouting}): among the eligible partners of the lead's region,
 * the one with the fewest leads offered in the lookback window relative to its tier weight; ties go to the lowest
 * partner id. Deterministic: the same candidates always give the same partner.
 */
public final class LeadAllocation {

  /** An eligible partner and the leads it was offered in the region within the lookback window. */
  public record Candidate(String partnerId, Tier tier, long leadsInWindow) {
  }

  /** How many candidates an explanation names, best first. */
  static final int SHOWN = 5;

  private LeadAllocation() {
  }

  public static RuleResult<Optional<String>> allocate(ProgramTerms terms, String region, List<Candidate> candidates) {
    var weights = terms.leadRouting().tierWeights();
    // Compare leads/weight as fractions (a.leads × b.weight vs b.leads × a.weight): exact, no floating point.
    Comparator<Candidate> fewestRelativeToWeight = (a, b) -> Long.compare(
        a.leadsInWindow() * weights.get(b.tier()), b.leadsInWindow() * weights.get(a.tier()));
    Optional<Candidate> chosen = candidates.stream()
        .min(fewestRelativeToWeight.thenComparing(Candidate::partnerId));
    // The leading candidates only: a region may have hundreds, and the explanation is stored with every offer.
    String considered = candidates.stream()
        .sorted(fewestRelativeToWeight.thenComparing(Candidate::partnerId)).limit(SHOWN)
        .map(c -> c.partnerId() + " " + c.tier() + " " + c.leadsInWindow() + "/" + weights.get(c.tier()))
        .collect(Collectors.joining(", "))
        + (candidates.size() > SHOWN ? " and " + (candidates.size() - SHOWN) + " more" : "");
    String text = chosen.map(c -> "Lead for " + region + " to " + c.partnerId() + ": " + c.leadsInWindow()
            + " leads in the last " + terms.leadRouting().lookbackDays() + " days against tier weight "
            + weights.get(c.tier()) + " (" + c.tier() + "), the fewest relative to weight (leading candidates: " + considered + ")")
        .orElse("No eligible partner in " + region + ": the lead stays unassigned");
    return Explanation.of("lead.allocation", terms).input("region", region).input("candidates", considered)
        .result(chosen.map(Candidate::partnerId), "leadRouting.tierWeights",
            chosen.map(Candidate::partnerId).orElse("UNASSIGNED"), text);
  }

  /** A partner's entitled share of its region's leads: its weight over the sum of the eligible partners' weights. */
  public static double entitlement(ProgramTerms terms, Tier tier, List<Tier> eligibleTiers) {
    var weights = terms.leadRouting().tierWeights();
    int total = eligibleTiers.stream().mapToInt(weights::get).sum();
    return total == 0 ? 0 : (double) weights.get(tier) / total;
  }
}
