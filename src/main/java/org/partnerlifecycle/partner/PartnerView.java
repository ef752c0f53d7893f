package org.partnerlifecycle.partner;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/partners/{id}} (SPEC §4). */
public record PartnerView(String partnerId, String companyName, String status, String tier, String motion,
    String region, int warningLevel, boolean referralsPaused, boolean listed, List<String> launchMethods,
    List<String> products, List<String> integrationTypes, String partnerManager, LocalDate nextReviewDue,
    String proposedTier, String termsVersion) {

  static PartnerView of(Partner p) {
    return new PartnerView(p.id(), p.companyName(), p.status().name(), p.tier(), p.motion(), p.region(),
        p.warningLevel(), p.referralsPaused(), p.listed(), p.launchMethods(), p.products(), p.integrationTypes(),
        p.partnerManager(), p.nextReviewDue(), p.proposedTier(), p.termsVersion());
  }
}
