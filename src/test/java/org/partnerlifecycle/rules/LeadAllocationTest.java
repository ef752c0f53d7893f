package org.partnerlifecycle.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.rules.LeadAllocation.Candidate;

class LeadAllocationTest {

  private final ProgramTerms terms = Terms.V2026;

  @Test
  void theFewestLeadsRelativeToTierWeightWinsAndTiesGoToTheLowestId() {
    List<Candidate> candidates = List.of(new Candidate("P-B", Tier.GROWTH, 3), new Candidate("P-A", Tier.FOUNDATION, 2),
        new Candidate("P-C", Tier.STRATEGIC, 4));
    // 3/2 = 1.5, 2/1 = 2, 4/3 = 1.33: P-C.
    RuleResult<Optional<String>> result = LeadAllocation.allocate(terms, "EMEA", candidates);
    assertThat(result.value()).contains("P-C");
    assertThat(result.explanation().text()).contains("P-C").contains("tier weight 3");
    assertThat(result.explanation().cell()).isEqualTo("leadRouting.tierWeights");
    assertThat(LeadAllocation.allocate(terms, "EMEA", List.of(new Candidate("P-Z", Tier.GROWTH, 2),
        new Candidate("P-Y", Tier.FOUNDATION, 1))).value()).as("1/1 = 2/2: the lowest id").contains("P-Y");
    assertThat(LeadAllocation.allocate(terms, "EMEA", List.of()).value()).isEmpty();
    List<Candidate> many = java.util.stream.IntStream.range(0, 500)
        .mapToObj(i -> new Candidate(String.format("P-%04d", i), Tier.GROWTH, 7)).toList();
    assertThat(LeadAllocation.allocate(terms, "EMEA", many).explanation().text())
        .as("the explanation stays short enough to store").hasSizeLessThan(600).contains("and 495 more");
  }

  @Test
  void theSameInputsAlwaysGiveTheSamePartner() {
    List<Candidate> candidates = new ArrayList<>(List.of(new Candidate("P-1", Tier.GROWTH, 5),
        new Candidate("P-2", Tier.GROWTH, 5), new Candidate("P-3", Tier.FOUNDATION, 3)));
    String first = LeadAllocation.allocate(terms, "NA", candidates).value().orElseThrow();
    java.util.Collections.reverse(candidates);
    assertThat(LeadAllocation.allocate(terms, "NA", candidates).value()).contains(first);
  }

  /** Over 10,000 simulated leads every partner's share stays within 2 percentage points of its entitlement. */
  @Test
  void overTenThousandLeadsEverySharesStaysWithinTwoPointsOfItsEntitlement() {
    Map<String, Tier> region = new LinkedHashMap<>();
    region.put("P-F1", Tier.FOUNDATION);
    region.put("P-F2", Tier.FOUNDATION);
    region.put("P-F3", Tier.FOUNDATION);
    region.put("P-G1", Tier.GROWTH);
    region.put("P-G2", Tier.GROWTH);
    region.put("P-S1", Tier.STRATEGIC);
    Map<String, Long> received = new LinkedHashMap<>();
    region.keySet().forEach(id -> received.put(id, 0L));
    java.util.Random random = new java.util.Random(8);
    int leads = 10_000;
    for (int i = 0; i < leads; i++) {
      // Now and then a partner is not eligible for a lead (it already registered that customer).
      String excluded = random.nextInt(10) == 0 ? List.copyOf(region.keySet()).get(random.nextInt(region.size())) : "";
      List<Candidate> candidates = region.entrySet().stream().filter(e -> !e.getKey().equals(excluded))
          .map(e -> new Candidate(e.getKey(), e.getValue(), received.get(e.getKey()))).toList();
      String winner = LeadAllocation.allocate(terms, "EMEA", candidates).value().orElseThrow();
      received.merge(winner, 1L, Long::sum);
    }
    double maxDeviation = 0;
    for (Map.Entry<String, Tier> partner : region.entrySet()) {
      double share = (double) received.get(partner.getKey()) / leads;
      double entitlement = LeadAllocation.entitlement(terms, partner.getValue(), List.copyOf(region.values()));
      maxDeviation = Math.max(maxDeviation, Math.abs(share - entitlement));
      assertThat(Math.abs(share - entitlement)).as(partner.getKey()).isLessThan(0.02);
    }
    System.out.printf("LEAD FAIRNESS: 10,000 leads, 6 partners, max deviation from entitlement %.4f percentage "
        + "points%n", maxDeviation * 100);
  }
}
