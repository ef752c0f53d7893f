package org.partnerlifecycle.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.engine.TaskRefusal;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.platform.DecisionFactsBackfill;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.support.ActivePartners;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.support.InstanceRef;
import org.partnerlifecycle.support.WonDeals;
import org.partnerlifecycle.tier.TierReviewRepository.CommitmentRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of tier-review, and reviews that start by themselves when time reaches their due date. */
@ApplicationTest
class TierReviewProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnerApplicationService applications;
  @Autowired
  PartnerRepository partners;
  @Autowired
  TierReviewScheduler scheduler;
  @Autowired
  TierReviewRepository reviews;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DecisionFactsBackfill backfill;

  ActivePartners active;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    // Terms 2026-12-01 (issue 22) are in effect.
    at("2027-01-04T09:00:00Z");
    active = new ActivePartners(engine, applications, partners);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse(instant)));
  }

  private static void at(LocalDate day) {
    at(day + "T09:00:00Z");
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private Partner partner(String motion, String forecast) {
    return active.active("Reviewed Co", "reviewed-" + System.nanoTime() + ".example", motion, forecast);
  }

  private void wonDeal(Partner partner, String amount, int daysAgo) {
    wonDeal(partner, amount, daysAgo, 12, "SOURCED");
  }

  /** A WON deal closed {@code daysAgo} days before now, as a closed registration would leave it. */
  private void wonDeal(Partner partner, String amount, int daysAgo, int termMonths, String attribution) {
    WonDeals.insert(jdbc, partner.id(), partner.motion().name(), amount, termMonths, attribution,
        today().minusDays(daysAgo), ClockUtil.getCurrentTime().toInstant());
  }

  /** The year's record: GROWTH's standards (guide §9, seed 000 line 222), commission and quota relief included. */
  private void growthCommitments(Partner partner) {
    commitments(partner, 24, 0, 2, 2, 75, false);
  }

  /** Every STRATEGIC standard (seed 000 line 221), sales kickoff / conference / trade-show presence included. */
  private void strategicCommitments(Partner partner) {
    commitments(partner, 52, 1, 4, 4, 90, true);
  }

  private void commitments(Partner partner, int management, int ceo, int cSuite, int enablement, int certified,
      boolean presence) {
    reviews.saveCommitments(partner.id(), new CommitmentRecord(today().minusMonths(12).plusDays(1),
        today().minusDays(1), management, ceo, cSuite, enablement, certified, true, 40, "MODERATE", true, presence),
        "mary", ClockUtil.getCurrentTime().toInstant());
  }

  /** Starts a review on demand and runs its asynchronous evaluation, as the job executor would. */
  private ProcessInstance review(Partner partner) {
    scheduler.startReview(partner.id());
    ProcessInstance instance = InstanceRef.latest(engine, "tier-review", partner.id());
    evaluate(instance);
    return instance;
  }

  private void evaluate(ProcessInstance instance) {
    assertThat(instance).isWaitingAt("EvaluateTier");
    execute(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult());
  }

  private int failing(Partner partner) {
    return reviews.failingReviews(partner.id());
  }

  private String reviewExplanation(ProcessInstance instance) {
    return jdbc.queryForObject("SELECT explanation FROM tier_review WHERE id = ?", String.class, instance.getId());
  }

  private int breaches(Partner partner) {
    return jdbc.queryForObject("SELECT count(*) FROM compliance_breach WHERE partner_id = ? AND source = "
        + "'TIER_REVIEW'", Integer.class, partner.id());
  }

  /** A GROWTH referral partner on watch, then still below at its re-review: a downgrade to confirm. */
  private ProcessInstance secondFailingReview(Partner partner) {
    growthCommitments(partner);
    review(partner);
    at(partners.get(partner.id()).nextReviewDue());
    growthCommitments(partner);
    ProcessInstance instance = review(partner);
    assertThat(instance).isWaitingAt("ConfirmTierChange");
    return instance;
  }

  @Test
  void aPassingPartnerKeepsItsTierWithoutATask() {
    Partner partner = partner("REFERRAL", "150000");
    wonDeal(partner, "150000", 30);
    growthCommitments(partner);
    ProcessInstance instance = review(partner);
    assertThat(instance).isEnded().hasPassed("EvaluateTier", "RecordReview", "TierKept")
        .hasNotPassed("ConfirmTierChange", "RecordCommitments");
    Partner kept = partners.get(partner.id());
    assertThat(kept.tier()).isEqualTo(Tier.GROWTH);
    assertThat(kept.nextReviewDue()).isEqualTo(today().plusMonths(12));
    assertThat(kept.onWatch()).isFalse();
    assertThat(reviews.tierHistory(partner.id())).isEmpty();
    assertThat(jdbc.queryForObject("SELECT recommendation FROM tier_review WHERE partner_id = ?", String.class,
        partner.id())).isEqualTo("KEEP");
    assertThat(jdbc.queryForObject("SELECT terms_version FROM tier_review WHERE partner_id = ?", String.class,
        partner.id())).isEqualTo("2026-12-01");
  }

  /** Must show (issue 22): guide §5 thresholds are annual (seed 000 line 124: Referral $100,000 / $300,000) — $360,000 over 36 months is $120,000 a year. */
  @Test
  void aReferralGrowthPartnerWithThreeHundredSixtyThousandOverThirtySixMonthsStaysGrowth() {
    Partner partner = partner("REFERRAL", "150000");
    wonDeal(partner, "360000", 30, 36, "SOURCED");
    strategicCommitments(partner);
    ProcessInstance instance = review(partner);
    assertThat(instance).isEnded().hasPassed("RecordReview").hasNotPassed("ConfirmTierChange");
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.GROWTH);
    assertThat(reviewExplanation(instance)).contains("SOURCED $120,000.00 at 100 % credit")
        .contains("Qualified for GROWTH REFERRAL");
  }

  /**
   * Must show (issue 22): the same partner with $360,000 over 12 months reaches REFERRAL STRATEGIC's $300,000; a
   * change into STRATEGIC waits for leadership after the manager's confirmation (SPEC §3 amendments).
   */
  @Test
  void threeHundredSixtyThousandOverTwelveMonthsIsPromotedToStrategicAfterLeadershipApproves() {
    Partner partner = partner("REFERRAL", "150000");
    wonDeal(partner, "360000", 30, 12, "SOURCED");
    wonDeal(partner, "999999", 400, 12, "SOURCED");
    strategicCommitments(partner);
    ProcessInstance instance = review(partner);
    assertThat(instance).isWaitingAt("ConfirmTierChange").variables().containsEntry("recommendation", "PROMOTE")
        .containsEntry("recommendedTier", "STRATEGIC");
    assertThat(task(instance)).hasCandidateGroup("partner-managers");
    assertThat(task(instance).getName()).isEqualTo("Confirm tier change — Reviewed Co");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "reviewExplanation"))
        .contains("360,000.00").contains("STRATEGIC");
    active.complete(partner.id(), "ConfirmTierChange", "mary", Map.of("tierDecision", "ACCEPT"));
    assertThat(instance).isWaitingAt("ApproveTierChange");
    assertThat(task(instance)).hasCandidateGroup("leadership");
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.GROWTH);
    // Partner managers cannot work leadership's task at all.
    assertThatThrownBy(() -> active.complete(partner.id(), "ApproveTierChange", "mary",
        Map.of("leadershipDecision", "APPROVE", "leadershipReason", "ok"))).isInstanceOf(AuthorizationException.class);
    active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "APPROVE", "leadershipReason", "A year at Strategic revenue"));
    // Managed by mary with a sponsor since onboarding: no AssignPartnerManager.
    assertThat(instance).isEnded().hasPassed("ApplyTierDecision").hasNotPassed("AssignPartnerManager");
    Partner promoted = partners.get(partner.id());
    assertThat(promoted.tier()).isEqualTo(Tier.STRATEGIC);
    assertThat(promoted.nextReviewDue()).isEqualTo(today().plusMonths(6));
    assertThat(reviews.tierHistory(partner.id())).singleElement().satisfies(change -> {
      assertThat(change.fromTier()).isEqualTo(Tier.GROWTH);
      assertThat(change.toTier()).isEqualTo(Tier.STRATEGIC);
      assertThat(change.decidedBy()).isEqualTo("lena");
      assertThat(change.effectiveDate()).isEqualTo(today());
      assertThat(change.reviewId()).isEqualTo(instance.getId());
    });
  }

  /**
   * Must show (issue 22): influenced revenue earns 25 % credit toward the thresholds (playbook, seed 001 line 77), so
   * $300,000 of influenced 12-month deals count $75,000 — below REFERRAL GROWTH's $100,000.
   */
  @Test
  void threeHundredThousandInfluencedAloneDoesNotKeepAReferralPartnerAtGrowth() {
    Partner partner = partner("REFERRAL", "150000");
    wonDeal(partner, "150000", 30, 12, "INFLUENCED");
    wonDeal(partner, "150000", 60, 12, "INFLUENCED");
    growthCommitments(partner);
    ProcessInstance instance = review(partner);
    assertThat(instance).isEnded().hasPassed("RecordReview");
    assertThat(jdbc.queryForObject("SELECT recommendation FROM tier_review WHERE id = ?", String.class,
        instance.getId())).isEqualTo("ON_WATCH");
    assertThat(reviewExplanation(instance)).contains("INFLUENCED $300,000.00 at 25 % credit = $75,000.00")
        .contains("below the REFERRAL GROWTH threshold of $100,000.00");
    assertThat(jdbc.queryForObject("SELECT trailing_revenue FROM tier_review WHERE id = ?", BigDecimal.class,
        instance.getId())).isEqualByComparingTo("75000");
  }

  /**
   * Must show (issue 22): grace in quarters (playbook, seed 001 line 1449: 1 quarter) — GROWTH below its threshold is
   * on watch with a re-review about one quarter later; failing again there drops it to FOUNDATION, and a reseller
   * continues as REFERRAL, with the reason in its tier history.
   */
  @Test
  void growthBelowItsThresholdIsOnWatchForAQuarterThenDropsToFoundation() {
    Partner partner = partner("FULL_RESELLER", "250000");
    growthCommitments(partner);
    ProcessInstance first = review(partner);
    assertThat(first).isEnded().hasPassed("RecordReview");
    Partner watched = partners.get(partner.id());
    assertThat(watched.tier()).isEqualTo(Tier.GROWTH);
    assertThat(watched.onWatch()).isTrue();
    assertThat(watched.nextReviewDue()).isEqualTo(LocalDate.parse("2027-04-04"));
    assertThat(reviewExplanation(first)).contains("on watch").contains("reviewed again on 2027-04-04");

    // The nightly scheduler starts the re-review when the grace ends.
    at("2027-04-03T09:00:00Z");
    runNightlyScheduler();
    assertThat(reviewsOf(partner)).isEqualTo(1);
    at("2027-04-04T09:00:00Z");
    growthCommitments(partner);
    runNightlyScheduler();
    ProcessInstance second = InstanceRef.latest(engine, "tier-review", partner.id());
    assertThat(second).isWaitingAt("ConfirmTierChange").variables().containsEntry("recommendation", "DOWNGRADE")
        .containsEntry("recommendedTier", "FOUNDATION");
    active.complete(partner.id(), "ConfirmTierChange", "paul", Map.of("tierDecision", "ACCEPT"));
    assertThat(second).isEnded().hasNotPassed("ApproveTierChange");
    Partner downgraded = partners.get(partner.id());
    assertThat(downgraded.tier()).isEqualTo(Tier.FOUNDATION);
    assertThat(downgraded.motion()).isEqualTo(Motion.REFERRAL);
    assertThat(downgraded.onWatch()).isFalse();
    assertThat(downgraded.launchMethods()).containsExactly("SCORM", "AICC");
    assertThat(downgraded.products()).containsExactly("PLUS", "SIMON", "ORO");
    assertThat(reviews.tierHistory(partner.id())).singleElement().satisfies(change -> {
      assertThat(change.fromMotion()).isEqualTo(Motion.FULL_RESELLER);
      assertThat(change.toMotion()).isEqualTo(Motion.REFERRAL);
      assertThat(change.reason()).contains("grace of 1 quarter").contains("down one tier to FOUNDATION")
          .contains("below the FULL_RESELLER GROWTH threshold");
    });
    assertThat(failing(partner)).isZero();
  }

  /** A reseller placed as REFERRAL regains its motion when it qualifies for GROWTH in it (SPEC §2). */
  @Test
  void aResellerPlacedAsReferralRegainsItsMotionWhenItQualifies() {
    Partner partner = partner("FULL_RESELLER", "150000");
    assertThat(partner.tier()).isEqualTo(Tier.GROWTH);
    assertThat(partner.motion()).isEqualTo(Motion.REFERRAL);
    wonDeal(partner, "200000", 30);
    growthCommitments(partner);
    ProcessInstance instance = review(partner);
    assertThat(instance).isWaitingAt("ConfirmTierChange");
    active.complete(partner.id(), "ConfirmTierChange", "mary", Map.of("tierDecision", "ACCEPT"));
    assertThat(instance).isEnded();
    Partner regained = partners.get(partner.id());
    assertThat(regained.tier()).isEqualTo(Tier.GROWTH);
    assertThat(regained.motion()).isEqualTo(Motion.FULL_RESELLER);
  }

  /** Must show (issue 22): nothing recorded opens RecordCommitments (14 days) and raises no breach. */
  @Test
  void aReviewWithNoCommitmentsOpensRecordCommitmentsAndRaisesNoBreach() {
    Partner partner = partner("REFERRAL", "150000");
    wonDeal(partner, "150000", 30);
    ProcessInstance instance = review(partner);
    assertThat(instance).isWaitingAt("RecordCommitments");
    assertThat(task(instance)).hasCandidateGroup("partner-managers")
        .hasDueDate(java.util.Date.from(Instant.parse("2027-01-18T09:00:00Z")));
    assertThat(task(instance).getName()).isEqualTo("Record commitments — Reviewed Co");
    assertThat(breaches(partner)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM tier_review WHERE partner_id = ?", Integer.class,
        partner.id())).isZero();
    // A period outside the trailing 12 months is refused, naming the field; the task stays open.
    assertThatThrownBy(() -> active.complete(partner.id(), "RecordCommitments", "mary", recordedYear("2025-01-01",
        "2025-12-31"))).hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("periodEnd");
    assertThatThrownBy(() -> active.complete(partner.id(), "RecordCommitments", "mary", Map.of("periodStart",
        "2026-01-04"))).hasMessageContaining("periodEnd");
    active.complete(partner.id(), "RecordCommitments", "mary", recordedYear("2026-01-04", "2027-01-03"));
    evaluate(instance);
    assertThat(instance).isEnded().hasPassed("RecordCommitments", "RecordReview");
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.GROWTH);
    assertThat(jdbc.queryForObject("SELECT recommendation FROM tier_review WHERE partner_id = ?", String.class,
        partner.id())).isEqualTo("KEEP");
    assertThat(breaches(partner)).isZero();
  }

  private static Map<String, Object> recordedYear(String start, String end) {
    Map<String, Object> form = new java.util.HashMap<>();
    form.put("periodStart", start);
    form.put("periodEnd", end);
    form.put("managementMeetingsHeld", 24L);
    form.put("ceoMeetingsHeld", 0L);
    form.put("cSuiteMeetingsHeld", 2L);
    form.put("enablementSessionsHeld", 2L);
    form.put("certifiedFieldPercent", 80L);
    form.put("businessPlanAgreed", true);
    form.put("commissionQuotaRelief", true);
    form.put("salesEventPresence", false);
    form.put("nps", 30L);
    form.put("strategicFit", "STRONG");
    return form;
  }

  @Test
  void aStrategicDowngradeNeedsLeadershipAndUnmetStandardsRaiseABreach() {
    Partner partner = partner("OEM", "3000000");
    assertThat(partner.tier()).isEqualTo(Tier.STRATEGIC);
    growthCommitments(partner);
    assertThat(review(partner)).isEnded();
    assertThat(failing(partner)).isEqualTo(1);
    // Recorded and below the STRATEGIC standards: a breach. On watch for its grace of 2 quarters.
    assertThat(breaches(partner)).isEqualTo(1);
    assertThat(partners.get(partner.id()).nextReviewDue()).isEqualTo(LocalDate.parse("2027-07-04"));
    at("2027-07-04T09:00:00Z");
    growthCommitments(partner);
    ProcessInstance second = review(partner);
    assertThat(second).isWaitingAt("ConfirmTierChange").variables().containsEntry("recommendedTier", "GROWTH");
    active.complete(partner.id(), "ConfirmTierChange", "mary", Map.of("tierDecision", "ACCEPT"));
    assertThat(second).isWaitingAt("ApproveTierChange");
    assertThat(task(second)).hasCandidateGroup("leadership");
    assertThatThrownBy(() -> active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "APPROVE"))).hasRootCauseInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("leadershipReason");
    active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "APPROVE", "leadershipReason", "Two quarters without the standards"));
    Partner growth = partners.get(partner.id());
    assertThat(growth.tier()).isEqualTo(Tier.GROWTH);
    // $0 revenue: below OEM GROWTH, so placed by the REFERRAL thresholds — at GROWTH the OEM motion is allowed but
    // the revenue places it as REFERRAL only at the recommended tier; GROWTH was recommended, so REFERRAL.
    assertThat(reviews.tierHistory(partner.id())).singleElement().extracting(TierReviewRepository.TierChange::decidedBy)
        .isEqualTo("lena");
  }

  /** A FOUNDATION partner promoted into GROWTH without a manager gets AssignPartnerManager (SPEC §3 amendments). */
  @Test
  void aPromotionIntoGrowthWithoutAManagerAssignsOne() {
    Partner partner = partner("REFERRAL", "50000");
    assertThat(partner.tier()).isEqualTo(Tier.FOUNDATION);
    assertThat(partner.partnerManager()).isNull();
    wonDeal(partner, "120000", 30);
    growthCommitments(partner);
    ProcessInstance instance = review(partner);
    active.complete(partner.id(), "ConfirmTierChange", "mary", Map.of("tierDecision", "ACCEPT"));
    assertThat(instance).isWaitingAt("AssignPartnerManager");
    assertThat(task(instance)).hasCandidateGroup("partner-managers");
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.GROWTH);
    assertThatThrownBy(() -> active.complete(partner.id(), "AssignPartnerManager", "mary",
        Map.of("partnerManager", "lena"))).hasMessageContaining("partnerManager");
    active.complete(partner.id(), "AssignPartnerManager", "mary", Map.of("partnerManager", "paul"));
    assertThat(instance).isEnded();
    assertThat(partners.get(partner.id()).partnerManager()).isEqualTo("paul");
  }

  /**
   * Must show (issue 22): a manager's upward placement change (manual mode) waits for leadership and cannot be
   * approved by its proposer.
   */
  @Test
  void aManagersUpwardPlacementChangeWaitsForLeadershipAndNotForItsProposer() {
    Partner partner = partner("REFERRAL", "50000");
    // Proposed by lena (as a user in both groups would): she may not approve her own proposal.
    String reviewId = scheduler.startManualReview(partner.id(), Tier.GROWTH, "Signed a large reseller agreement",
        "lena");
    ProcessInstance instance = InstanceRef.latest(engine, "tier-review", partner.id());
    assertThat(instance.getId()).isEqualTo(reviewId);
    evaluate(instance);
    // No commitments recorded: a manual change does not wait for them, and raises no breach.
    assertThat(instance).isWaitingAt("ApproveTierChange").hasNotPassed("ConfirmTierChange", "RecordCommitments");
    assertThat(breaches(partner)).isZero();
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.FOUNDATION);
    assertThatThrownBy(() -> active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "APPROVE", "leadershipReason", "mine"))).hasRootCauseInstanceOf(
        InvalidDecisionException.class).hasMessageContaining("may not approve");
    assertThat(instance).isWaitingAt("ApproveTierChange");
    active.complete(partner.id(), "ApproveTierChange", "demo",
        Map.of("leadershipDecision", "APPROVE", "leadershipReason", "Agreed"));
    assertThat(instance).isWaitingAt("AssignPartnerManager");
    active.complete(partner.id(), "AssignPartnerManager", "mary", Map.of("partnerManager", "mary"));
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.GROWTH);
    assertThat(reviews.tierHistory(partner.id())).singleElement().satisfies(change -> {
      assertThat(change.reason()).contains("manual placement change: Signed a large reseller agreement")
          .contains("leadership APPROVE: Agreed");
      assertThat(change.decidedBy()).isEqualTo("demo");
    });
  }

  /** A manual downgrade below STRATEGIC-free tiers needs no leadership. */
  @Test
  void aManualDowngradeOutsideStrategicTakesEffectWithoutLeadership() {
    Partner partner = partner("REFERRAL", "150000");
    scheduler.startManualReview(partner.id(), Tier.FOUNDATION, "Asked to step down", "mary");
    ProcessInstance instance = InstanceRef.latest(engine, "tier-review", partner.id());
    evaluate(instance);
    assertThat(instance).isEnded().hasNotPassed("ApproveTierChange", "ConfirmTierChange");
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.FOUNDATION);
    assertThatThrownBy(() -> scheduler.startManualReview(partner.id(), Tier.FOUNDATION, "again", "mary"))
        .hasMessageContaining("already FOUNDATION");
  }

  @Test
  void anOverrideNeedsAReasonAndAnUpwardOverrideNeedsLeadership() {
    Partner partner = partner("REFERRAL", "150000");
    ProcessInstance instance = secondFailingReview(partner);
    assertThatThrownBy(() -> active.complete(partner.id(), "ConfirmTierChange", "mary",
        Map.of("tierDecision", "OVERRIDE", "overrideTier", "GROWTH"))).hasMessageContaining("tierReason");
    // A completion sets only its form's input fields (the engine's task rules) ...
    assertThatThrownBy(() -> active.complete(partner.id(), "ConfirmTierChange", "mary", Map.of("tierDecision",
        "OVERRIDE", "overrideTier", "STRATEGIC", "tierReason", "Big pipeline signed", "failingReviewsAfter", 7)))
        .isInstanceOf(TaskRefusal.class).hasMessageContaining("failingReviewsAfter");
    // ... and whatever the variables say (an admin may write them), the grace count kept is the evaluation's.
    engine.getRuntimeService().setVariable(instance.getId(), "failingReviewsAfter", 7);
    active.complete(partner.id(), "ConfirmTierChange", "mary", Map.of("tierDecision", "OVERRIDE", "overrideTier",
        "STRATEGIC", "tierReason", "Big pipeline signed"));
    assertThat(instance).isWaitingAt("ApproveTierChange");
    active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "REJECT", "leadershipReason", "Not on a promise"));
    assertThat(instance).isEnded();
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.GROWTH);
    // The downgrade it recommended was not taken: the grace starts over, as the evaluation recorded.
    assertThat(jdbc.queryForObject("SELECT failing_reviews_after FROM tier_review WHERE id = ?", Integer.class,
        instance.getId())).isZero();
    assertThat(failing(partner)).isZero();
    assertThat(reviews.tierHistory(partner.id())).isEmpty();
    assertThat(partners.get(partner.id()).nextReviewDue()).isEqualTo(today().plusMonths(12));
  }

  /** A review evaluated before V9 kept its grace count only in a variable; the startup backfill copies it. */
  @Test
  void aReviewEvaluatedBeforeV9GetsItsGraceCountFromItsVariable() {
    Partner partner = partner("REFERRAL", "150000");
    ProcessInstance instance = secondFailingReview(partner);
    jdbc.update("UPDATE tier_review SET failing_reviews_after = NULL WHERE id = ?", instance.getId());
    engine.getRuntimeService().setVariable(instance.getId(), "failingReviewsAfter", 1);
    assertThat(backfill.run()).isEqualTo(1);
    assertThat(backfill.run()).as("once").isZero();
    active.complete(partner.id(), "ConfirmTierChange", "mary",
        Map.of("tierDecision", "OVERRIDE", "overrideTier", "GROWTH", "tierReason", "Give them the quarter"));
    active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "APPROVE", "leadershipReason", "One more quarter"));
    assertThat(instance).isEnded();
    // Kept at GROWTH on watch again: re-reviewed at the end of another quarter.
    assertThat(failing(partner)).isEqualTo(1);
    assertThat(partners.get(partner.id()).nextReviewDue()).isEqualTo(today().plusMonths(3));
  }

  @Test
  void reviewsStartByThemselvesWhenTheyAreDue() {
    Partner partner = partner("REFERRAL", "150000");
    assertThat(partners.get(partner.id()).nextReviewDue()).isEqualTo(LocalDate.parse("2028-01-04"));
    at("2028-01-03T09:00:00Z");
    runNightlyScheduler();
    assertThat(reviewsOf(partner)).isZero();

    at("2028-01-04T09:00:00Z");
    growthCommitments(partner);
    runNightlyScheduler();
    assertThat(reviewsOf(partner)).isEqualTo(1);
    // The review ran (on watch: no revenue) and moved the due date to the end of grace; the next night starts nothing.
    assertThat(partners.get(partner.id()).nextReviewDue()).isEqualTo(LocalDate.parse("2028-04-04"));
    runNightlyScheduler();
    assertThat(reviewsOf(partner)).isEqualTo(1);
  }

  private long reviewsOf(Partner partner) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("tier-review")
        .processInstanceBusinessKey(partner.id()).count();
  }

  /** Fires the scheduler's nightly timer and runs its batches, as the job executor would. */
  private void runNightlyScheduler() {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("tier-review-scheduler")
        .timers().singleResult();
    execute(timer);
    Job batch;
    while ((batch = engine.getManagementService().createJobQuery().processDefinitionKey("tier-review-scheduler")
        .messages().singleResult()) != null) {
      execute(batch);
    }
    engine.getManagementService().createJobQuery().processDefinitionKey("tier-review").messages().list()
        .forEach(job -> execute(job));
  }
}
