package org.partnerlifecycle.deal.process;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CONFLICT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CONFLICT_EVIDENCE_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CUSTOMER_DOMAIN;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.CUSTOMER_NAME;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.DEAL_VALUE_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PARTNER_NAME;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.DEAL_SUMMARY;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PARTNER_STANDING;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PROPOSED_RATE;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_EXPLANATION_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.REVIEW_DUE_AT_TEXT;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.STANDARD_RATE;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partnerlifecycle.deal.DealReviewService;
import org.partnerlifecycle.engine.FormFacts;
import org.partnerlifecycle.engine.FormText;
import org.springframework.stereotype.Component;

/**
 * deal-registration: what its forms show, as the check step worded it and stored with the registration, by form
 * field. The review form's {@code proposedRate} starts at the partner's proposal; after the
 * review, the process's own {@code proposedRate} (the rate leadership decides on) wins.
 */
@Component
class DealReviewFacts implements FormFacts {

  private final DealReviewService reviews;

  DealReviewFacts(DealReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public String processKey() {
    return DealRegistrationProcess.KEY;
  }

  @Override
  public Map<String, Object> of(String dealId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    reviews.reviewFacts(dealId).ifPresent(facts -> {
      fields.put(PARTNER_NAME, facts.partnerName());
      fields.put(CUSTOMER_NAME, facts.customerName());
      fields.put(DEAL_VALUE_TEXT, facts.dealValueText());
      fields.put(PARTNER_STANDING, facts.partnerStanding());
      fields.put(CUSTOMER_DOMAIN, facts.customerDomain());
      fields.put(DEAL_SUMMARY, facts.dealSummary());
      fields.put(CONFLICT, facts.conflict());
      fields.put(CONFLICT_EVIDENCE_TEXT, FormText.of(facts.conflictEvidence(), null));
      fields.put(STANDARD_RATE, facts.standardRate());
      fields.put(RATE_EXPLANATION_TEXT, FormText.of(facts.rateExplanation(), null));
      fields.put(REVIEW_DUE_AT_TEXT, FormText.dateTime(facts.reviewDueAt()));
      if (facts.partnerProposedRate() != null) {
        fields.put(PROPOSED_RATE, facts.partnerProposedRate().doubleValue());
      }
    });
    return fields;
  }
}
