package org.partnerlifecycle.partner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A partner company as stored: its application, where onboarding stands, and what its tier entitles it to. */
public record Partner(
    String id,
    String companyName,
    String websiteDomain,
    String normalizedDomain,
    String contactName,
    String contactEmail,
    String region,
    String appliedMotion,
    BigDecimal forecastAnnualRevenue,
    PartnerStatus status,
    String proposedTier,
    String proposedMotion,
    String tier,
    String motion,
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
    Instant createdAt) {
}
