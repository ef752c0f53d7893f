package org.partnerlifecycle.partner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Tier;

/** A partner company as stored: its application, where onboarding stands, and what its tier entitles it to. */
public record Partner(
    String id,
    String companyName,
    String websiteDomain,
    String normalizedDomain,
    String contactName,
    String contactEmail,
    String region,
    Motion appliedMotion,
    BigDecimal forecastAnnualRevenue,
    PartnerStatus status,
    Tier proposedTier,
    Motion proposedMotion,
    Tier tier,
    Motion motion,
    String termsVersion,
    String partnerManager,
    String executiveSponsor,
    List<String> launchMethods,
    List<String> products,
    List<String> integrationTypes,
    int warningLevel,
    boolean referralsPaused,
    boolean listed,
    String agreementSignedBy,
    Instant agreementSignedAt,
    Instant activatedAt,
    LocalDate nextReviewDue,
    String decisionReason,
    Instant createdAt,
    boolean onWatch) {
}
