package org.partnerlifecycle.deal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.partnerlifecycle.notification.PartnerEvent;
import org.partnerlifecycle.notification.PartnerEvents;

import static org.partnerlifecycle.deal.process.DealRegistrationProcess.APPROVED_RATE;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.DECISION;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.EXTENSION_DECISION;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.EXTENSION_REASON;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.PROPOSED_RATE;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_DECISION;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.RATE_REASON;
import static org.partnerlifecycle.deal.process.DealRegistrationProcess.REASON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.partnerlifecycle.audit.RuleResultStore.Subject;
import org.partnerlifecycle.audit.RuleResultStore;
import org.partnerlifecycle.engine.Decisions;
import org.partnerlifecycle.engine.Decisions.Verdict;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.engine.FormText;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.process.PartnerOnboardingProcess;
import org.partnerlifecycle.rules.Attribution;
import org.partnerlifecycle.rules.DealType;
import org.partnerlifecycle.rules.IncentiveRules.Rate;
import org.partnerlifecycle.rules.IncentiveRules;
import org.partnerlifecycle.rules.LicenseType;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.ProgramTerms;
import org.partnerlifecycle.rules.RuleResult;
import org.partnerlifecycle.rules.TermsCatalog;
import org.partnerlifecycle.rules.Tier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deal-registration steps (SPEC §3) from check to protection: each method is one step, called by its delegate
 * or task listener, in the engine's transaction. A registration keeps the terms version it was submitted under.
 */
@Service
@Transactional
public class DealReviewService {

  /** ReviewDealRegistration's options. */
  enum ReviewDecision { APPROVE, APPROVE_INFLUENCED, REJECT }

  /** ApproveNegotiatedRate's options. */
  enum RateDecision { APPROVE, REJECT, COUNTER }

  /** What the check gives its process while the review task is created: the case's name, the review's due time. */
  public record Check(String partnerName, String customerName, String dealValueText, Instant reviewDueAt) {
  }

  /**
   * What the deal's forms show and its tasks are named by, as the check worded it: kept with the registration
   * ({@code review_facts}), not as process variables, and read when a form is read or a later task named.
   */
  public record ReviewFacts(String partnerName, String customerName, String dealValueText, String partnerStanding,
      String customerDomain, String dealSummary, boolean conflict, String conflictEvidence, String standardRate,
      String rateExplanation, Instant reviewDueAt, BigDecimal partnerProposedRate) {
  }

  private final DealRepository deals;
  private final PartnerRepository partners;
  private final TermsCatalog terms;
  private final RuleResultStore ruleResults;
  private final PartnerOnboardingProcess onboarding;
  private final EngineTime time;
  private final PartnerEvents events;
  private final ObjectMapper json;
  /** Check inputs read ahead by the rounds running now, by deal id (each round's registrations are its own). */
  private final Map<String, CheckInputs> readAhead = new ConcurrentHashMap<>();

  public DealReviewService(DealRepository deals, PartnerRepository partners, TermsCatalog terms,
      RuleResultStore ruleResults, PartnerOnboardingProcess onboarding, EngineTime time, PartnerEvents events,
      ObjectMapper json) {
    this.events = events;
    this.json = json;
    this.deals = deals;
    this.partners = partners;
    this.terms = terms;
    this.ruleResults = ruleResults;
    this.onboarding = onboarding;
    this.time = time;
  }

  /** What the check reads: the registration, its partner, and how many of the partner's were approved before. */
  private record CheckInputs(DealRegistration deal, Partner partner, long approvedBefore) {
  }

  /**
   * Runs {@code starts} (a round of {@link ReviewStarts} starting the reviews of the registrations it claimed) with
   * what their checks read, read ahead for the whole round: two queries instead of three per registration (issue
   * 30). Each check takes its registration's inputs, once; a check of any other registration reads its own.
   */
  void withCheckInputsReadAhead(List<DealRegistration> claimed, Runnable starts) {
    Set<String> partnerIds = claimed.stream().map(DealRegistration::partnerId).collect(Collectors.toSet());
    Map<String, Partner> byId = partners.findAll(partnerIds).stream()
        .collect(Collectors.toMap(Partner::id, partner -> partner));
    Map<String, Long> approved = deals.countApproved(partnerIds);
    claimed.forEach(deal -> readAhead.put(deal.id(), new CheckInputs(deal, byId.get(deal.partnerId()),
        approved.getOrDefault(deal.partnerId(), 0L))));
    try {
      starts.run();
    } finally {
      claimed.forEach(deal -> readAhead.remove(deal.id()));
    }
  }

  /** The standard (sourced) rate with its explanation, the conflict evidence, and the review's SLA due time. */
  public Check check(String dealId, String processInstanceId) {
    CheckInputs inputs = readAhead.remove(dealId);
    if (inputs == null) {
      DealRegistration deal = deals.get(dealId);
      inputs = new CheckInputs(deal, partners.get(deal.partnerId()), deals.countApproved(deal.partnerId()));
    }
    DealRegistration deal = inputs.deal();
    Partner partner = inputs.partner();
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    RuleResult<Rate> rate = rateOf(deal, partner, Attribution.SOURCED, dealTerms);
    ruleResults.record(Subject.DEAL, dealId, rate.explanation(), processInstanceId);
    Instant due = time.now().plus(Duration.ofHours(dealTerms.dealRegistration().reviewSlaHours()));
    String standing = FormText.label(partner.tier()) + " " + FormText.lowerLabel(partner.motion()) + " partner, "
        + FormText.lowerLabel(partner.status())
        + (partner.warningLevel() > 0 ? ", warning level " + partner.warningLevel() : ", no warnings")
        + ", " + inputs.approvedBefore() + " approved registration(s) before";
    String summary = FormText.label(deal.dealType()) + " " + FormText.lowerLabel(deal.licenseType()) + " ("
        + FormText.label(deal.product()) + "), " + FormText.money(deal.estimatedValue()) + " over "
        + deal.termMonths() + " months"
        + (deal.proposedRate() != null ? "; the partner proposes " + FormText.percent(deal.proposedRate()) : "");
    String rateText = rate.value().standardPercent() == null ? "Negotiated (no table figure)"
        : FormText.percent(rate.value().standardPercent()) + " " + FormText.lowerLabel(rate.value().kind())
            + (rate.value().negotiated() ? " (negotiated cell: leadership approves)" : "");
    String dealValueText = "$" + String.format(java.util.Locale.ROOT, "%,.0f", deal.estimatedValue());
    ReviewFacts facts = new ReviewFacts(partner.companyName(), deal.customerName(), dealValueText, standing,
        deal.customerDomain(), summary, deal.conflict(), deal.conflict() ? deal.conflictEvidence()
            : "No live registration or direct opportunity for " + deal.normalizedDomain(), rateText,
        rate.explanation().text(), due, deal.proposedRate());
    deals.startReview(dealId, time.now(), rate.value().kind(), rate.value().standardPercent(),
        rate.value().negotiated(), toJson(facts));
    return new Check(partner.companyName(), deal.customerName(), dealValueText, due);
  }

  /** What the check worded for the deal's forms; empty before its check. */
  @Transactional(readOnly = true)
  public Optional<ReviewFacts> reviewFacts(String dealId) {
    return deals.reviewFacts(dealId).map(stored -> {
      try {
        return json.readValue(stored, ReviewFacts.class);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Unreadable review facts of deal registration " + dealId, e);
      }
    });
  }

  private String toJson(ReviewFacts facts) {
    try {
      return json.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * ReviewDealRegistration: APPROVE (sourced), APPROVE_INFLUENCED or REJECT. A rejection, an influenced approval,
   * or approving over a conflict needs a reason. The review form shows the partner's proposal in
   * {@code proposedRate}: sent back unchanged it stays the partner's; another rate is the reviewer's; none (absent)
   * leaves the partner's proposal, if any; {@code useStandardRate} drops any proposal (the table's rate applies, and
   * a negotiated cell still goes to leadership). @return whether the rate goes to leadership
   */
  public boolean recordReview(String dealId, String decision, String reason, BigDecimal proposedRate,
      boolean useStandardRate, String reviewer, String processInstanceId) {
    DealRegistration deal = deals.get(dealId);
    ReviewDecision chosen = Decisions.oneOf(DECISION, decision, ReviewDecision.class);
    String why = Decisions.optionalText(REASON, reason);
    if (chosen == ReviewDecision.REJECT) {
      Decisions.requireText(REASON, why, "is required to reject a registration");
      deals.reject(dealId, time.now(), why, reviewer);
      tell(deal, PartnerEvent.DEAL_REJECTED, Map.of("status", DealStatus.REJECTED.name(), "reason", why));
      return false;
    }
    if (chosen == ReviewDecision.APPROVE_INFLUENCED) {
      Decisions.requireText(REASON, why, "is required to approve as partner-influenced");
    } else if (deal.conflict()) {
      Decisions.requireText(REASON, why, "is required to approve a registration with a conflict");
    }
    if (proposedRate != null && (proposedRate.signum() < 0 || proposedRate.compareTo(new BigDecimal("100")) > 0)) {
      throw new InvalidDecisionException(PROPOSED_RATE, "must be between 0 and 100");
    }
    Attribution attribution = chosen == ReviewDecision.APPROVE_INFLUENCED ? Attribution.INFLUENCED
        : Attribution.SOURCED;
    Partner partner = partners.get(deal.partnerId());
    RuleResult<Rate> rate = rateOf(deal, partner, attribution, terms.version(deal.termsVersion()));
    ruleResults.record(Subject.DEAL, dealId, rate.explanation(), processInstanceId);
    boolean partnersProposal = proposedRate == null
        || deal.proposedRate() != null && proposedRate.compareTo(deal.proposedRate()) == 0;
    BigDecimal proposal = useStandardRate ? null : proposedRate != null ? proposedRate : deal.proposedRate();
    boolean toLeadership = IncentiveRules.requiresLeadershipApproval(rate.value(), proposal);
    // The proposer is whoever asked for a rate other than the table's: the submitter when the reviewer kept the
    // partner's proposal, else the reviewer; for a negotiated cell without a proposal, the reviewer who sends it.
    String proposer = proposal != null && partnersProposal ? deal.submittedBy() : reviewer;
    deals.recordApproval(dealId, time.now(), toLeadership, attribution, rate.value().kind(), rate.value().percent(),
        rate.value().term(), proposal, toLeadership ? proposer : null, reviewer, why);
    return toLeadership;
  }

  /**
   * ApproveNegotiatedRate by leadership, never by the user who proposed the rate or reviewed the registration:
   * APPROVE the proposal (or the starred cell's figure), REJECT (the standard rate applies; where the table has no
   * figure, as for OEM, the registration ends REJECTED with the reason), COUNTER with a rate.
   * @return whether the registration was rejected
   */
  public boolean recordRateDecision(String dealId, String decision, BigDecimal approvedRate, String reason,
      String approver, String processInstanceId) {
    DealRegistration deal = deals.get(dealId);
    RateDecision chosen = Decisions.oneOf(RATE_DECISION, decision, RateDecision.class);
    if (approver.equals(deal.rateProposedBy()) || approver.equals(deal.reviewedBy())) {
      throw new InvalidDecisionException(RATE_DECISION, "the user who proposed or reviewed the rate ("
          + approver + ") may not approve it: four eyes");
    }
    String why = Decisions.optionalText(RATE_REASON, reason);
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    Rate standard = rateOf(deal, partners.get(deal.partnerId()), deal.attribution(), dealTerms)
        .value();
    BigDecimal full = switch (chosen) {
      case APPROVE -> {
        BigDecimal asked = deal.proposedRate() != null ? deal.proposedRate() : standard.standardPercent();
        if (asked == null) {
          throw new InvalidDecisionException(RATE_DECISION, "there is no proposed rate to approve: COUNTER with "
              + "an approvedRate");
        }
        yield asked;
      }
      case COUNTER -> {
        Decisions.requireText(RATE_REASON, why, "is required to counter");
        if (approvedRate == null) {
          throw new InvalidDecisionException(APPROVED_RATE, "is required to counter");
        }
        yield approvedRate;
      }
      case REJECT -> {
        Decisions.requireText(RATE_REASON, why, "is required to reject a negotiated rate");
        yield standard.standardPercent();
      }
    };
    if (full == null) {
      // No table figure to fall back on (OEM is "negotiated*" only): the registration ends REJECTED.
      deals.reject(dealId, time.now(), "Negotiated rate rejected by " + approver + ": " + why, deal.reviewedBy());
      tell(deal, PartnerEvent.DEAL_REJECTED, Map.of("status", DealStatus.REJECTED.name(), "reason",
          "Negotiated rate rejected: " + why));
      return true;
    }
    RuleResult<Rate> approved;
    try {
      approved = IncentiveRules.withApprovedRate(dealTerms, standard, full, approver);
    } catch (IllegalArgumentException e) {
      throw new InvalidDecisionException(APPROVED_RATE, "must be between 0 and 100");
    }
    ruleResults.record(Subject.DEAL, dealId, approved.explanation(), processInstanceId);
    deals.approveRate(dealId, time.now(), approved.value().percent(), approver, why);
    tell(deal, PartnerEvent.DEAL_RATE_DECIDED, Map.of("decision", decision,
        "ratePercent", approved.value().percent().toPlainString()));
    return false;
  }

  /** Who asked for the rate leadership decides on (shown on the approval form), or null. */
  public String rateProposer(String dealId) {
    return deals.get(dealId).rateProposedBy();
  }

  /**
   * The approval form's "Proposed by" when the partner proposed the rate with its registration ("Acme Learning
   * (the partner, with its registration)"), else null: a staff proposer shows by name (engine/FormDisplay).
   */
  public String rateProposerText(String dealId) {
    DealRegistration deal = deals.get(dealId);
    return deal.rateProposedBy() != null && deal.rateProposedBy().equals(deal.submittedBy())
        ? partners.get(deal.partnerId()).companyName() + " (the partner, with its registration)" : null;
  }

  /** The rate proposed for this deal (by the reviewer or with the submission), or null. */
  public BigDecimal proposedRate(String dealId) {
    return deals.get(dealId).proposedRate();
  }

  /** The rate is locked at approval; protection starts. The partner's onboarding learns of its first deal. */
  public Instant lockRateAndProtect(String dealId) {
    DealRegistration deal = deals.get(dealId);
    ProgramTerms dealTerms = terms.version(deal.termsVersion());
    Instant now = time.now();
    Instant protectionEnds = now.plus(Duration.ofDays(dealTerms.dealRegistration().protectionDays()));
    deals.lockRate(dealId, now, protectionEnds);
    DealRegistration approved = deals.get(dealId);
    tell(deal, PartnerEvent.DEAL_APPROVED, Map.of("status", DealStatus.APPROVED.name(),
        "ratePercent", approved.ratePercent() == null ? "" : approved.ratePercent().toPlainString(),
        "attribution", approved.attribution() == null ? "" : approved.attribution().name(),
        "protectionEndsAt", protectionEnds.toString()));
    onboarding.firstDealApproved(deal.partnerId(), dealId);
    return protectionEnds;
  }

  /** The 24 h review SLA passed: recorded on the registration (the delegate raises the task's priority). */
  public void recordEscalation(String dealId) {
    deals.recordEscalation(dealId, time.now());
  }

  /** ReviewExtensionRequest: one extension of the protection period; refusing it needs a reason. */
  public Instant recordExtensionDecision(String dealId, String decision, String reason) {
    DealRegistration deal = deals.get(dealId);
    Verdict verdict = Decisions.oneOf(EXTENSION_DECISION, decision, Verdict.class);
    String why = Decisions.optionalText(EXTENSION_REASON, reason);
    Instant ends = deal.protectionEndsAt();
    if (verdict == Verdict.APPROVE) {
      ends = ends.plus(Duration.ofDays(terms.version(deal.termsVersion()).dealRegistration().extensionDays()));
    } else {
      Decisions.requireText(EXTENSION_REASON, why, "is required to refuse an extension");
    }
    deals.useExtension(dealId, time.now(), ends);
    return ends;
  }

  public void expire(String dealId) {
    deals.expire(dealId, time.now());
    tell(deals.get(dealId), PartnerEvent.DEAL_EXPIRED, Map.of("status", DealStatus.EXPIRED.name()));
  }

  /** The partner hears of each decision on its registration once (webhook and email, after commit). */
  private void tell(DealRegistration deal, PartnerEvent event, Map<String, Object> facts) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("dealId", deal.id());
    data.put("customerName", deal.customerName());
    data.putAll(facts);
    events.emit(deal.partnerId(), event, event.wireName() + ":" + deal.id(), data);
  }

  static RuleResult<Rate> rateOf(DealRegistration deal, Partner partner, Attribution attribution, ProgramTerms terms) {
    return IncentiveRules.rateFor(terms, partner.tier(), deal.motion(), deal.dealType(), deal.licenseType(),
        attribution);
  }
}
