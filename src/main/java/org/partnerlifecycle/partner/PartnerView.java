package org.partnerlifecycle.partner;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/partners/{id}} (SPEC §4). The partner sees its own warning level and {@code referralsPaused}
 * (SPEC §3 amendments: it is told of level 1 and level 2 by notification); "privately" in seed 002 means not public:
 * the directory changes only on removal.
 * {@code onWatch}: a tier review found it below its tier; {@code reReviewDue}: the end of its grace, when it is
 * reviewed again (SPEC §2 tier maintenance).
 */
public record PartnerView(String partnerId, String companyName, String status, String tier, String motion,
    String region, int warningLevel, Boolean referralsPaused, boolean listed, List<String> launchMethods,
    List<String> products, List<String> integrationTypes, String partnerManager, LocalDate nextReviewDue,
    String proposedTier, String termsVersion, boolean onWatch, LocalDate reReviewDue) {

  static PartnerView forStaff(Partner p) {
    return of(p, p.warningLevel(), p.referralsPaused());
  }

  static PartnerView forThePartner(Partner p) {
    return of(p, p.warningLevel(), p.referralsPaused());
  }

  private static PartnerView of(Partner p, int warningLevel, Boolean referralsPaused) {
    return new PartnerView(p.id(), p.companyName(), p.status().name(), name(p.tier()), name(p.motion()), p.region(),
        warningLevel, referralsPaused, p.listed(), p.launchMethods(), p.products(), p.integrationTypes(),
        p.partnerManager(), p.nextReviewDue(), name(p.proposedTier()), p.termsVersion(), p.onWatch(),
        p.onWatch() ? p.nextReviewDue() : null);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
