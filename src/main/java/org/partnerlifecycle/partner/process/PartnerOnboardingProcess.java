package org.partnerlifecycle.partner.process;

import java.util.Map;
import org.partnerlifecycle.engine.FormText;
import org.partnerlifecycle.engine.ProcessAdapter;
import org.partnerlifecycle.partner.PartnerRepository.NewApplication;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/partner-onboarding.bpmn}: its key, messages, user tasks and the variables the
 * services and delegates read and write (the BPMN and forms name the same). The business key is the partner id.
 */
@Component
public class PartnerOnboardingProcess {

  public static final String KEY = "partner-onboarding";

  /** Messages. */
  public static final String AGREEMENT_SIGNED = "AgreementSigned";
  public static final String FIRST_DEAL_APPROVED = "FirstDealApproved";

  /** User tasks. */
  public static final String REVIEW_APPLICATION_TASK = "ReviewApplication";

  /** Variables set at the start, from the application. */
  static final String PARTNER_ID = "partnerId";
  static final String COMPANY_NAME = "companyName";
  static final String WEBSITE_DOMAIN = "websiteDomain";
  static final String CONTACT_NAME = "contactName";
  static final String REGION = "region";
  public static final String MOTION = "motion";
  static final String FORECAST_ANNUAL_REVENUE = "forecastAnnualRevenue";
  /** The forms show the forecast as money (the other read-only {@code ...Text} fields: engine/FormDisplay). */
  static final String FORECAST_ANNUAL_REVENUE_TEXT = "forecastAnnualRevenueText";
  /** Set by ScreenApplication, shown by the review form. */
  static final String PROPOSED_TIER = "proposedTier";
  static final String PROPOSED_MOTION = "proposedMotion";
  static final String PROPOSED_TIER_EXPLANATION = "proposedTierExplanation";
  static final String DUPLICATE_HITS = "duplicateHits";
  static final String SCREENING_NOTES = "screeningNotes";
  /** The review form's fields (its tier select starts at the proposal); the strategic placement sets the tier. */
  public static final String DECISION = "decision";
  public static final String TIER = "tier";
  public static final String REASON = "reason";
  static final String REVIEWED_BY = "reviewedBy";
  public static final String PLACEMENT_DECISION = "placementDecision";
  public static final String PLACEMENT_REASON = "placementReason";
  /** Messages' variables. */
  static final String AGREEMENT_SIGNED_BY = "agreementSignedBy";
  static final String FIRST_DEAL_ID = "firstDealId";
  /** Onboarding, management and the activation check. */
  public static final String PARTNER_MANAGER = "partnerManager";
  public static final String EXECUTIVE_SPONSOR = "executiveSponsor";
  public static final String SESSION_HELD_ON = "sessionHeldOn";
  public static final String SESSION_NOTES = "sessionNotes";
  static final String ACTIVATED_ON = "activatedOn";
  public static final String ACTIVATION_DECISION = "activationDecision";
  public static final String ACTIVATION_NOTE = "activationNote";

  private final ProcessAdapter processes;

  public PartnerOnboardingProcess(ProcessAdapter processes) {
    this.processes = processes;
  }

  public String start(String partnerId, NewApplication application) {
    return processes.start(KEY, partnerId, Map.of(
        PARTNER_ID, partnerId,
        COMPANY_NAME, application.companyName(),
        WEBSITE_DOMAIN, application.websiteDomain(),
        CONTACT_NAME, application.contactName(),
        REGION, application.region(),
        MOTION, application.motion(),
        FORECAST_ANNUAL_REVENUE, application.forecastAnnualRevenue().toPlainString(),
        FORECAST_ANNUAL_REVENUE_TEXT, FormText.money(application.forecastAnnualRevenue())));
  }

  /** @return whether the partner's onboarding waited for the signed agreement */
  public boolean agreementSigned(String partnerId, String signedBy) {
    return processes.deliver(partnerId, AGREEMENT_SIGNED, Map.of(AGREEMENT_SIGNED_BY, signedBy));
  }

  /** The partner's first approved deal, for an onboarding waiting for it (else nothing). */
  public void firstDealApproved(String partnerId, String dealId) {
    processes.deliver(partnerId, FIRST_DEAL_APPROVED, Map.of(FIRST_DEAL_ID, dealId));
  }
}
