package org.partnerlifecycle.lead;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.partnerlifecycle.rules.Region;
import org.partnerlifecycle.rules.Tier;

/**
 * One partner's line of the lead-routing transparency report: its offers in a region against its entitlement under
 * the published rule. Aggregates only: no lead's company or domain.
 */
public record TransparencyLine(
    Region region,
    String companyName,
    Tier tier,
    long leadsOffered,
    long leadsAccepted,
    Map<LeadCategory, Long> leadsOfferedByCategory,
    @Schema(description = "offers in the region in the period, all partners") long regionLeads,
    @Schema(description = "leadsOffered / regionLeads, 4 decimals") double share,
    @Schema(description = "the partner's share under the rule: its tier weight over the weights of the region's "
        + "ACTIVE partners, 4 decimals") double entitlement,
    String rule,
    String termsVersion) {
}
