package org.partnerlifecycle.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.rules.Attribution;
import org.partnerlifecycle.support.ActivePartners;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.web.ConflictException;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of deal-registration through the engine; timers by moving time. */
@ApplicationTest
class DealRegistrationProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnerApplicationService applications;
  @Autowired
  PartnerRepository partners;
  @Autowired
  DealRegistrationService registrations;
  @Autowired
  DealPayouts payouts;
  @Autowired
  DealRepository deals;
  @Autowired
  Ledger ledger;

  ActivePartners active;
  int domains;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-01T10:00:00Z")));
    active = new ActivePartners(engine, applications, partners);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Partner growthReferral() {
    domains++;
    return active.active("Growth Co " + domains, "growth" + domains + "-" + System.nanoTime() + ".example",
        "REFERRAL", "150000");
  }

  private DealRegistrationRequest request(String customerDomain, String motion, String product, String value,
      BigDecimal proposedRate) {
    return new DealRegistrationRequest(null, "Globex", customerDomain, motion, "NEW", "SUBSCRIPTION", product,
        new BigDecimal(value), 12, proposedRate);
  }

  private DealRegistration submit(Partner partner, DealRegistrationRequest request) {
    return registrations.submit(partner.id(), request, "partner:" + partner.id(), null, request.toString()).deal();
  }

  private ProcessInstance instanceOf(DealRegistration deal) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(deal.id())
        .singleResult();
  }

  private void complete(DealRegistration deal, String taskKey, String user, Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    active.complete(deal.id(), taskKey, user, variables);
  }

  private void moveTime(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  private Job timer(ProcessInstance instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
    assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    return job;
  }

  @Test
  void aStandardRegistrationIsApprovedProtectedWonPaidAndClawedBack() {
    Partner partner = growthReferral();
    DealRegistration deal = submit(partner, request("globex-a.example", "REFERRAL", "PLUS", "48000", null));
    ProcessInstance instance = instanceOf(deal);
    assertThat(instance).isWaitingAt("ReviewDealRegistration").hasPassed("CheckRegistration");
    assertThat(task(instance)).hasCandidateGroup("partner-managers")
        .hasDueDate(Date.from(Instant.parse("2026-04-02T10:00:00Z")));
    // What the review form shows and the task is named by is read with the form (DealReviewFacts), not variables.
    assertThat(instance).variables().containsOnlyKeys("partnerId");
    assertThat(engine.getFormService().getTaskFormVariables(task(instance).getId()))
        .containsEntry("standardRate", "10% revenue share").containsEntry("conflict", false)
        .containsEntry("partnerName", partner.companyName()).containsEntry("customerDomain", "globex-a.example");
    assertThat(task(instance).getName())
        .isEqualTo("Review deal registration — " + partner.companyName() + " / Globex, $48,000");
    assertThat(deals.get(deal.id()).status()).isEqualTo(DealStatus.IN_REVIEW);

    complete(deal, "ReviewDealRegistration", "mary", "decision", "APPROVE");
    assertThat(instance).hasPassed("LockRateAndProtect").hasNotPassed("ApproveNegotiatedRate")
        .isWaitingAt("ProtectionEvents");
    DealRegistration approved = deals.get(deal.id());
    assertThat(approved.status()).isEqualTo(DealStatus.APPROVED);
    assertThat(approved.ratePercent()).isEqualByComparingTo("10");
    assertThat(approved.attribution()).isEqualTo(Attribution.SOURCED);
    assertThat(approved.protectionEndsAt()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    // The partner's onboarding heard of its first approved deal and ended without an activation check.
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("partner-onboarding")
        .processInstanceBusinessKey(partner.id()).count()).isZero();

    registrations.close(deal.id(), "WON", new BigDecimal("48000"), LocalDate.parse("2026-04-01"));
    assertThat(instance).isEnded().hasPassed("RecordClose", "RegistrationClosed");
    LedgerEntry payout = ledger.payoutOf(deal.id()).orElseThrow();
    assertThat(payout.amount()).isEqualTo(new BigDecimal("4800.00"));
    assertThat(payout.kind()).isEqualTo("REVENUE_SHARE");
    assertThat(payout.termsVersion()).isEqualTo("2026-01-01");
    assertThat(payout.explanation()).contains("10% of $48000.00");

    // The customer paid year 1 at the close: payable from 2026-05-01 after the 30-day refund holdback, so a
    // cancellation 45 days after the close claws back 50 % of it.
    payouts.recordCustomerPayment(deal.id(), LocalDate.parse("2026-04-01"), new BigDecimal("48000"), 1, "fiona");
    moveTime(Duration.ofDays(45));
    LedgerEntry clawback = payouts.cancel(deal.id(), LocalDate.parse("2026-05-16"), "Customer churned");
    assertThat(clawback.amount()).isEqualTo(new BigDecimal("-2400.00"));
    assertThat(deals.get(deal.id()).status()).isEqualTo(DealStatus.CANCELLED);
    assertThatThrownBy(() -> payouts.cancel(deal.id(), LocalDate.parse("2026-05-16"), "again"))
        .isInstanceOf(ConflictException.class);
    assertThat(ledger.forPartner(partner.id())).hasSize(2);
  }

  @Test
  void aRejectionNeedsAReason() {
    DealRegistration deal = submit(growthReferral(), request("globex-b.example", "REFERRAL", "PLUS", "1000", null));
    assertThatThrownBy(() -> complete(deal, "ReviewDealRegistration", "mary", "decision", "REJECT"))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("reason");
    complete(deal, "ReviewDealRegistration", "mary", "decision", "REJECT", "reason", "Existing customer");
    assertThat(instanceOf(deal)).isNull();
    assertThat(deals.get(deal.id()).status()).isEqualTo(DealStatus.REJECTED);
    assertThat(deals.get(deal.id()).reason()).isEqualTo("Existing customer");
  }

  @Test
  void theReviewIsEscalatedWhenThe24HourSlaPasses() {
    DealRegistration deal = submit(growthReferral(), request("globex-c.example", "REFERRAL", "PLUS", "1000", null));
    ProcessInstance instance = instanceOf(deal);
    assertThat(task(instance).getPriority()).isEqualTo(50);
    moveTime(Duration.ofHours(24).plusMinutes(1));
    execute(timer(instance, "ReviewSlaPassed"));
    assertThat(instance).hasPassed("EscalateReview").isWaitingAt("ReviewDealRegistration");
    assertThat(task(instance).getPriority()).isEqualTo(80);
    assertThat(deals.get(deal.id()).escalatedAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("partner-managers")
        .dueBefore(ClockUtil.getCurrentTime()).processInstanceId(instance.getId()).count()).isEqualTo(1);
  }

  @Test
  void aProposedRateGoesToLeadershipAndItsProposerCannotApproveIt() {
    DealRegistration deal = submit(growthReferral(), request("globex-d.example", "REFERRAL", "PLUS", "10000", null));
    complete(deal, "ReviewDealRegistration", "demo", "decision", "APPROVE", "proposedRate", 12L);
    ProcessInstance instance = instanceOf(deal);
    assertThat(instance).isWaitingAt("ApproveNegotiatedRate");
    assertThat(task(instance)).hasCandidateGroup("leadership");
    assertThat(task(instance).getName()).startsWith("Approve negotiated rate — ").endsWith("/ Globex, $10,000");
    assertThat(instance).variables().containsEntry("rateProposedBy", "demo").containsEntry("proposedRate", 12.0);
    assertThat(deals.get(deal.id()).status()).isEqualTo(DealStatus.AWAITING_RATE_APPROVAL);

    assertThatThrownBy(() -> complete(deal, "ApproveNegotiatedRate", "demo", "rateDecision", "APPROVE"))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("four eyes");
    assertThatThrownBy(() -> complete(deal, "ApproveNegotiatedRate", "lena", "rateDecision", "COUNTER",
        "rateReason", "Too high")).hasMessageContaining("approvedRate");
    complete(deal, "ApproveNegotiatedRate", "lena", "rateDecision", "COUNTER", "approvedRate", 11L,
        "rateReason", "Meet in the middle");
    DealRegistration locked = deals.get(deal.id());
    assertThat(locked.status()).isEqualTo(DealStatus.APPROVED);
    assertThat(locked.ratePercent()).isEqualByComparingTo("11");
    assertThat(locked.rateApprovedBy()).isEqualTo("lena");
    assertThat(locked.rateProposedBy()).isEqualTo("demo");
  }

  @Test
  void oemRatesAreAlwaysNegotiatedAndARejectionEndsTheRegistrationRejected() {
    Partner oem = active.active("Oem Co", "oem-" + System.nanoTime() + ".example", "OEM", "1500000");
    DealRegistration deal = submit(oem, request("globex-e.example", "OEM", "PLUS", "200000", null));
    assertThat(engine.getFormService().getTaskFormVariables(task(instanceOf(deal)).getId()))
        .containsEntry("standardRate", "Negotiated (no table figure)");
    complete(deal, "ReviewDealRegistration", "mary", "decision", "APPROVE");
    assertThat(instanceOf(deal)).isWaitingAt("ApproveNegotiatedRate");
    assertThatThrownBy(() -> complete(deal, "ApproveNegotiatedRate", "lena", "rateDecision", "APPROVE"))
        .hasMessageContaining("COUNTER");
    ProcessInstance instance = instanceOf(deal);
    complete(deal, "ApproveNegotiatedRate", "lena", "rateDecision", "REJECT", "rateReason", "No OEM share");
    // An OEM cell has no table figure to fall back on: the registration ends REJECTED with the reason (issue 23).
    assertThat(instance).isEnded().hasPassed("RateRejected");
    assertThat(deals.get(deal.id()).status()).isEqualTo(DealStatus.REJECTED);
    assertThat(deals.get(deal.id()).reason()).contains("No OEM share");
    assertThat(deals.get(deal.id()).rateLockedAt()).isNull();
  }

  @Test
  void anInfluencedApprovalEarnsHalfTheRateAndNeedsAReason() {
    DealRegistration deal = submit(growthReferral(), request("globex-f.example", "REFERRAL", "PLUS", "1000", null));
    assertThatThrownBy(() -> complete(deal, "ReviewDealRegistration", "mary", "decision", "APPROVE_INFLUENCED"))
        .hasMessageContaining("reason");
    complete(deal, "ReviewDealRegistration", "mary", "decision", "APPROVE_INFLUENCED", "reason", "In direct pipeline");
    assertThat(deals.get(deal.id()).ratePercent()).isEqualByComparingTo("5");
    assertThat(deals.get(deal.id()).attribution()).isEqualTo(Attribution.INFLUENCED);
  }

  @Test
  void protectionIsExtendedOnceAndThenExpires() {
    Partner partner = growthReferral();
    DealRegistration deal = submit(partner, request("globex-g.example", "REFERRAL", "PLUS", "1000", null));
    complete(deal, "ReviewDealRegistration", "mary", "decision", "APPROVE");
    ProcessInstance instance = instanceOf(deal);

    registrations.requestExtension(deal.id());
    assertThat(instance).isWaitingAt("ReviewExtensionRequest");
    // Named in a later transaction than the check's: by the names stored with the registration.
    assertThat(task(instance).getName()).isEqualTo("Review protection extension — " + partner.companyName()
        + " / Globex");
    assertThatThrownBy(() -> complete(deal, "ReviewExtensionRequest", "mary", "extensionDecision", "REJECT"))
        .hasMessageContaining("extensionReason");
    complete(deal, "ReviewExtensionRequest", "mary", "extensionDecision", "APPROVE");
    assertThat(deals.get(deal.id()).protectionEndsAt()).isEqualTo(Instant.parse("2026-05-31T10:00:00Z"));
    assertThatThrownBy(() -> registrations.requestExtension(deal.id())).isInstanceOf(ConflictException.class)
        .hasMessageContaining("one extension");

    moveTime(Duration.ofDays(30).plusMinutes(1));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId("ProtectionEnded").singleResult().getDuedate()).isAfter(ClockUtil.getCurrentTime());
    moveTime(Duration.ofDays(30));
    execute(timer(instance, "ProtectionEnded"));
    assertThat(instance).isEnded().hasPassed("RegistrationExpired");
    assertThat(deals.get(deal.id()).status()).isEqualTo(DealStatus.EXPIRED);
    assertThatThrownBy(() -> registrations.close(deal.id(), "WON", BigDecimal.TEN, LocalDate.parse("2026-06-01")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aSecondRegistrationOrADirectOpportunityForTheSameCustomerIsAConflict() {
    DealRegistration first = submit(growthReferral(), request("initech.example", "REFERRAL", "PLUS", "1000", null));
    assertThat(first.conflict()).isFalse();
    DealRegistration second = submit(growthReferral(), request("https://WWW.Initech.example/", "REFERRAL", "PLUS",
        "1000", null));
    assertThat(second.conflict()).isTrue();
    assertThat(second.conflictEvidence()).contains(first.id());

    registrations.createDirectOpportunity("Hooli", "hooli.example", "Gavin (AE)", "mary");
    DealRegistration third = submit(growthReferral(), request("hooli.example", "REFERRAL", "PLUS", "1000", null));
    assertThat(third.conflictEvidence()).contains("direct opportunity").contains("Gavin (AE)");
    assertThatThrownBy(() -> complete(third, "ReviewDealRegistration", "mary", "decision", "APPROVE"))
        .hasMessageContaining("conflict");
    // Both kinds at once (one query): the live registrations first, then the direct opportunities.
    DealRegistration fourth = submit(growthReferral(), request("hooli.example", "REFERRAL", "PLUS", "1000", null));
    assertThat(fourth.conflictEvidence())
        .startsWith("registration " + third.id() + " of partner " + third.partnerId() + " (IN_REVIEW, since ")
        .containsOnlyOnce("; direct opportunity O-").endsWith(" owned by Gavin (AE) (since 2026-04-01T10:00:00Z)");
  }

  @Test
  void motionProductAndPartnerStatusAreCheckedAgainstTheTerms() {
    Partner foundation = active.active("Small Co", "small-" + System.nanoTime() + ".example", "REFERRAL", "5000");
    assertThatThrownBy(() -> submit(foundation, request("x.example", "ASSISTED_RESELLER", "PLUS", "10", null)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("motion");
    Partner reseller = active.active("Resell Co", "resell-" + System.nanoTime() + ".example", "FULL_RESELLER",
        "250000");
    assertThatThrownBy(() -> submit(reseller, request("x.example", "FULL_RESELLER", "SIMON", "10", null)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("product");
    Partner applied = applications.apply(new org.partnerlifecycle.partner.PartnerApplicationRequest("New Co",
        "new-" + System.nanoTime() + ".example", "N", "n@new.example", "NA", "REFERRAL", BigDecimal.TEN));
    assertThatThrownBy(() -> submit(applied, request("x.example", "REFERRAL", "PLUS", "10", null)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("APPLIED");
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyReturnsTheSameRegistration() {
    Partner partner = growthReferral();
    DealRegistrationRequest request = request("retry.example", "REFERRAL", "PLUS", "1000", null);
    var first = registrations.submit(partner.id(), request, "partner:" + partner.id(), "key-1", "body");
    var again = registrations.submit(partner.id(), request, "partner:" + partner.id(), "key-1", "body");
    assertThat(again.deal().id()).isEqualTo(first.deal().id());
    assertThat(again.replayed()).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(first.deal().id())
        .count()).isEqualTo(1);
    assertThatThrownBy(() -> registrations.submit(partner.id(), request, "partner:" + partner.id(), "key-1",
        "another body")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("Idempotency-Key");
  }
}
