package org.partnerlifecycle.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
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
    at("2026-03-02T09:00:00Z");
    active = new ActivePartners(engine, applications, partners);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse(instant)));
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private Partner partner(String motion, String forecast) {
    return active.active("Reviewed Co", "reviewed-" + System.nanoTime() + ".example", motion, forecast);
  }

  /** A WON deal closed {@code daysAgo} days before now, as a closed registration would leave it. */
  private void wonDeal(Partner partner, String amount, int daysAgo) {
    String id = "D-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    jdbc.update("INSERT INTO deal_registration (id, partner_id, submitted_by, customer_name, customer_domain, "
            + "normalized_domain, motion, deal_type, license_type, product, estimated_value, term_months, status, "
            + "attribution, closed_amount, closed_on, terms_version, created_at, updated_at) "
            + "VALUES (?, ?, 'test', 'C', 'c.example', 'c.example', ?, 'NEW', 'SUBSCRIPTION', 'PLUS', ?, 12, 'WON', "
            + "'SOURCED', ?, ?, '2026-01-01', ?, ?)",
        id, partner.id(), partner.motion().name(), new BigDecimal(amount), new BigDecimal(amount),
        Date.valueOf(today().minusDays(daysAgo)), now, now);
  }

  private void commitments(Partner partner, int management, int ceo, int cSuite, int enablement, int certified) {
    reviews.saveCommitments(partner.id(), new CommitmentRecord(today().minusMonths(12), today().minusDays(1),
        management, ceo, cSuite, enablement, certified, true, 40, "MODERATE"), "mary",
        ClockUtil.getCurrentTime().toInstant());
  }

  /** Starts a review on demand and runs its asynchronous evaluation, as the job executor would. */
  private ProcessInstance review(Partner partner) {
    scheduler.startReview(partner.id());
    ProcessInstance instance = InstanceRef.latest(engine, "tier-review", partner.id());
    assertThat(instance).isWaitingAt("EvaluateTier");
    execute(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult());
    return instance;
  }

  private int failing(Partner partner) {
    return reviews.failingReviews(partner.id());
  }

  /** A GROWTH referral partner's second review in a row below the standards: a downgrade to confirm. */
  private ProcessInstance secondFailingReview(Partner partner) {
    commitments(partner, 24, 0, 2, 2, 75);
    review(partner);
    at("2027-03-02T09:00:00Z");
    commitments(partner, 24, 0, 2, 2, 75);
    ProcessInstance instance = review(partner);
    assertThat(instance).isWaitingAt("ConfirmTierChange");
    return instance;
  }

  @Test
  void aPassingPartnerKeepsItsTierWithoutATask() {
    Partner partner = partner("REFERRAL", "150000");
    wonDeal(partner, "150000", 30);
    commitments(partner, 24, 0, 2, 2, 75);
    ProcessInstance instance = review(partner);
    assertThat(instance).isEnded().hasPassed("EvaluateTier", "RecordReview", "TierKept")
        .hasNotPassed("ConfirmTierChange");
    Partner kept = partners.get(partner.id());
    assertThat(kept.tier()).isEqualTo(Tier.GROWTH);
    assertThat(kept.nextReviewDue()).isEqualTo(today().plusMonths(12));
    assertThat(reviews.tierHistory(partner.id())).isEmpty();
    assertThat(jdbc.queryForObject("SELECT recommendation FROM tier_review WHERE partner_id = ?", String.class,
        partner.id())).isEqualTo("KEEP");
  }

  @Test
  void aQualifyingPartnerIsPromotedAtOnceWhenTheManagerAccepts() {
    Partner partner = partner("REFERRAL", "150000");
    wonDeal(partner, "200000", 100);
    wonDeal(partner, "150000", 20);
    wonDeal(partner, "999999", 400);
    commitments(partner, 52, 1, 4, 4, 90);
    ProcessInstance instance = review(partner);
    assertThat(instance).isWaitingAt("ConfirmTierChange").variables().containsEntry("recommendation", "PROMOTE")
        .containsEntry("recommendedTier", "STRATEGIC");
    assertThat(task(instance)).hasCandidateGroup("partner-managers");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "reviewExplanation"))
        .contains("350,000.00").contains("STRATEGIC");
    active.complete(partner.id(), "ConfirmTierChange", "mary", Map.of("tierDecision", "ACCEPT"));
    assertThat(instance).isEnded().hasPassed("ApplyTierDecision").hasNotPassed("ApproveTierChange");
    Partner promoted = partners.get(partner.id());
    assertThat(promoted.tier()).isEqualTo(Tier.STRATEGIC);
    assertThat(promoted.nextReviewDue()).isEqualTo(today().plusMonths(6));
    assertThat(reviews.tierHistory(partner.id())).singleElement().satisfies(change -> {
      assertThat(change.fromTier()).isEqualTo(Tier.GROWTH);
      assertThat(change.toTier()).isEqualTo(Tier.STRATEGIC);
      assertThat(change.decidedBy()).isEqualTo("mary");
      assertThat(change.effectiveDate()).isEqualTo(today());
      assertThat(change.reviewId()).isEqualTo(instance.getId());
    });
  }

  @Test
  void growthIsOnWatchOnceAndDowngradedAtTheNextFailingReviewAndAResellerContinuesAsReferral() {
    Partner partner = partner("FULL_RESELLER", "250000");
    commitments(partner, 24, 0, 2, 2, 75);
    ProcessInstance first = review(partner);
    assertThat(first).isEnded().hasPassed("RecordReview");
    assertThat(failing(partner)).isEqualTo(1);
    assertThat(partners.get(partner.id()).tier()).isEqualTo(Tier.GROWTH);

    at("2027-03-02T09:00:00Z");
    commitments(partner, 24, 0, 2, 2, 75);
    ProcessInstance second = review(partner);
    assertThat(second).isWaitingAt("ConfirmTierChange").variables().containsEntry("recommendation", "DOWNGRADE")
        .containsEntry("recommendedTier", "FOUNDATION");
    active.complete(partner.id(), "ConfirmTierChange", "paul", Map.of("tierDecision", "ACCEPT"));
    Partner downgraded = partners.get(partner.id());
    assertThat(downgraded.tier()).isEqualTo(Tier.FOUNDATION);
    assertThat(downgraded.motion()).isEqualTo(Motion.REFERRAL);
    assertThat(downgraded.launchMethods()).containsExactly("SCORM", "AICC");
    assertThat(downgraded.products()).containsExactly("PLUS", "SIMON", "ORO");
    assertThat(reviews.tierHistory(partner.id())).singleElement().satisfies(change -> {
      assertThat(change.fromMotion()).isEqualTo(Motion.FULL_RESELLER);
      assertThat(change.toMotion()).isEqualTo(Motion.REFERRAL);
      assertThat(change.reason()).contains("continues under the REFERRAL motion");
    });
    assertThat(failing(partner)).isZero();
  }

  @Test
  void aPassingReviewResetsTheGrace() {
    Partner partner = partner("REFERRAL", "150000");
    commitments(partner, 24, 0, 2, 2, 75);
    assertThat(review(partner)).isEnded();
    assertThat(failing(partner)).isEqualTo(1);
    at("2027-03-02T09:00:00Z");
    wonDeal(partner, "120000", 10);
    commitments(partner, 24, 0, 2, 2, 75);
    assertThat(review(partner)).isEnded().hasPassed("RecordReview");
    assertThat(failing(partner)).isZero();
  }

  @Test
  void aStrategicDowngradeNeedsLeadershipAndUnmetStandardsRaiseABreach() {
    Partner partner = partner("OEM", "3000000");
    assertThat(partner.tier()).isEqualTo(Tier.STRATEGIC);
    for (int review = 1; review <= 2; review++) {
      assertThat(review(partner)).isEnded();
      assertThat(failing(partner)).isEqualTo(review);
      at(review == 1 ? "2026-09-02T09:00:00Z" : "2027-03-02T09:00:00Z");
    }
    // No commitments recorded: participation standards unmet, so the review raised a breach.
    assertThat(jdbc.queryForObject("SELECT count(*) FROM compliance_breach WHERE partner_id = ? AND source = "
        + "'TIER_REVIEW'", Integer.class, partner.id())).isEqualTo(2);
    ProcessInstance third = review(partner);
    assertThat(third).isWaitingAt("ConfirmTierChange").variables().containsEntry("recommendedTier", "GROWTH");
    active.complete(partner.id(), "ConfirmTierChange", "mary", Map.of("tierDecision", "ACCEPT"));
    assertThat(third).isWaitingAt("ApproveTierChange");
    assertThat(task(third)).hasCandidateGroup("leadership");
    assertThatThrownBy(() -> active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "APPROVE"))).hasRootCauseInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("leadershipReason");
    active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "APPROVE", "leadershipReason", "Three reviews without the standards"));
    Partner growth = partners.get(partner.id());
    assertThat(growth.tier()).isEqualTo(Tier.GROWTH);
    assertThat(growth.motion()).isEqualTo(Motion.OEM);
    assertThat(reviews.tierHistory(partner.id())).singleElement().extracting(TierReviewRepository.TierChange::decidedBy)
        .isEqualTo("lena");
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
        Map.of("tierDecision", "OVERRIDE", "overrideTier", "GROWTH", "tierReason", "Give them the year"));
    active.complete(partner.id(), "ApproveTierChange", "lena",
        Map.of("leadershipDecision", "APPROVE", "leadershipReason", "One more year"));
    assertThat(instance).isEnded();
    assertThat(failing(partner)).isEqualTo(1);
  }

  @Test
  void reviewsStartByThemselvesWhenTheyAreDue() {
    Partner partner = partner("REFERRAL", "150000");
    assertThat(partners.get(partner.id()).nextReviewDue()).isEqualTo(LocalDate.parse("2027-03-02"));
    at("2027-03-01T09:00:00Z");
    runNightlyScheduler();
    assertThat(reviewsOf(partner)).isZero();

    at("2027-03-02T09:00:00Z");
    runNightlyScheduler();
    assertThat(reviewsOf(partner)).isEqualTo(1);
    // The review ran (on watch: no revenue) and moved the due date; the next night starts nothing new.
    assertThat(partners.get(partner.id()).nextReviewDue()).isEqualTo(LocalDate.parse("2028-03-02"));
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
