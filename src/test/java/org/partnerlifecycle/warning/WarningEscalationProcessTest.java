package org.partnerlifecycle.warning;

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
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.TaskRefusal;
import org.partnerlifecycle.deal.DealPayouts;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRequest;
import org.partnerlifecycle.deal.DealRegistrationService;
import org.partnerlifecycle.deal.Ledger;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.support.ActivePartners;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.support.InstanceRef;
import org.partnerlifecycle.web.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every level of warning-escalation reached by moving time; resets, extension, removal effects, reinstatement. */
@ApplicationTest
class WarningEscalationProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnerApplicationService applications;
  @Autowired
  PartnerRepository partners;
  @Autowired
  WarningService warnings;
  @Autowired
  DealRegistrationService registrations;
  @Autowired
  DealPayouts payouts;
  @Autowired
  Ledger ledger;
  @Autowired
  JdbcTemplate jdbc;

  ActivePartners active;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-01T08:00:00Z")));
    active = new ActivePartners(engine, applications, partners);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Partner partner() {
    return active.active("Warned Co", "warned-" + System.nanoTime() + ".example", "REFERRAL", "150000");
  }

  private ProcessInstance escalationOf(Partner partner) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("warning-escalation")
        .processInstanceBusinessKey(partner.id()).singleResult();
  }

  private void moveTime(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  private void passCurePeriod(ProcessInstance instance, String timerId) {
    moveTime(Duration.ofDays(30).plusMinutes(1));
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timerId).singleResult();
    assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    execute(job);
  }

  private List<String> steps(Partner partner) {
    return warnings.history(partner.id()).stream().map(WarningRepository.Step::action).toList();
  }

  private ProcessInstance warnedAtLevel1(Partner partner) {
    warnings.raiseBreach(partner.id(), BreachCategory.REPORTING, "No quarterly report", "API", "mary");
    ProcessInstance instance = escalationOf(partner);
    active.complete(partner.id(), "IssuePrivateWarning", "mary", Map.of("warningDecision", "SEND", "warningNote", "Please send your report"));
    return instance;
  }

  @Test
  void eachLevelIsReachedByTheCurePeriodAndLeadershipRemovesPublicly() {
    Partner partner = partner();
    DealRegistrationRequest request = new DealRegistrationRequest(null, "Globex", "globex-w.example", "REFERRAL",
        "NEW", "SUBSCRIPTION", "PLUS", new BigDecimal("10000"), 12, null);
    DealRegistration wonBefore = registrations.submit(partner.id(), request, "mary", null, "a").deal();
    active.complete(wonBefore.id(), "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE"));
    registrations.close(wonBefore.id(), "WON", new BigDecimal("10000"), LocalDate.parse("2026-06-01"));
    DealRegistration approvedBefore = registrations.submit(partner.id(), new DealRegistrationRequest(null, "Initech",
        "initech-w.example", "REFERRAL", "NEW", "SUBSCRIPTION", "PLUS", new BigDecimal("5000"), 12, null), "mary",
        null, "b").deal();
    active.complete(approvedBefore.id(), "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE"));

    warnings.raiseBreach(partner.id(), BreachCategory.REPORTING, "No quarterly report", "API", "mary");
    ProcessInstance instance = escalationOf(partner);
    assertThat(instance).isWaitingAt("IssuePrivateWarning");
    assertThat(task(instance)).hasCandidateGroup("partner-managers");
    assertThatThrownBy(() -> active.complete(partner.id(), "IssuePrivateWarning", "mary", Map.of("warningDecision", "SEND")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("warningNote");
    active.complete(partner.id(), "IssuePrivateWarning", "mary", Map.of("warningDecision", "SEND", "warningNote", "Please send your report"));
    assertThat(partners.get(partner.id()).warningLevel()).isEqualTo(1);
    assertThat(jdbc.queryForList("SELECT template FROM notification_outbox WHERE partner_id = ?", String.class,
        partner.id())).contains("warning.issued");

    passCurePeriod(instance, "FirstCurePeriodEnded");
    Partner paused = partners.get(partner.id());
    assertThat(paused.warningLevel()).isEqualTo(2);
    assertThat(paused.referralsPaused()).isTrue();
    assertThat(paused.listed()).as("nothing public changes at level 2").isTrue();

    passCurePeriod(instance, "SecondCurePeriodEnded");
    assertThat(instance).isWaitingAt("ApprovePublicRemoval");
    assertThat(task(instance)).hasCandidateGroup("leadership");
    assertThatThrownBy(() -> active.complete(partner.id(), "ApprovePublicRemoval", "lena",
        Map.of("removalDecision", "APPROVE"))).hasMessageContaining("removalReason");
    active.complete(partner.id(), "ApprovePublicRemoval", "lena",
        Map.of("removalDecision", "APPROVE", "removalReason", "Three quarters without reports"));
    assertThat(instance).isEnded().hasPassed("RemovePartner", "PartnerRemoved");
    assertThat(InstanceRef.latest(engine, "business-review", partner.id())).as("no more business reviews")
        .isEnded().hasPassed("LeftCadence");

    Partner removed = partners.get(partner.id());
    assertThat(removed.status()).isEqualTo(PartnerStatus.REMOVED);
    assertThat(removed.listed()).isFalse();
    assertThat(partners.listed()).extracting(Partner::id).doesNotContain(partner.id());
    assertThatThrownBy(() -> registrations.submit(partner.id(), new DealRegistrationRequest(null, "Hooli",
        "hooli-w.example", "REFERRAL", "NEW", "SUBSCRIPTION", "PLUS", BigDecimal.TEN, 12, null), "mary", null, "c"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("REMOVED");
    // Booked money stays, and a deal approved (rate locked) before a removal for REPORTING is still paid when it
    // closes: seed 001 line 1993, "Changing terms retroactively — Partners lose trust".
    registrations.close(approvedBefore.id(), "WON", new BigDecimal("5000"), LocalDate.parse("2026-06-01"));
    assertThat(ledger.payoutOf(approvedBefore.id())).isPresent();
    assertThat(ledger.payoutOf(approvedBefore.id()).get().amount()).isEqualByComparingTo("500.00");
    assertThat(ledger.payoutOf(wonBefore.id())).isPresent();
    // Cancelled two weeks after the close, before the customer's payment was recorded: nothing was payable, the
    // share is cancelled (SPEC §2 "Paying partners"), nothing to claw back.
    payouts.cancel(wonBefore.id(), LocalDate.parse("2026-06-15"), "churned");
    assertThat(ledger.forPartner(partner.id())).extracting(e -> e.kind() + " " + e.status())
        .containsExactly("REVENUE_SHARE CANCELLED", "REVENUE_SHARE ACCRUED");
    assertThat(steps(partner)).containsExactly("WARNED", "REFERRALS_PAUSED", "REMOVAL_REQUESTED", "REMOVAL_APPROVED",
        "REMOVED");
    assertThatThrownBy(() -> warnings.restoreGoodStanding(partner.id(), "too late", "mary"))
        .isInstanceOf(ConflictException.class);

    warnings.reinstate(partner.id(), "Reports caught up; leadership agreed", "lena");
    Partner back = partners.get(partner.id());
    assertThat(back.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(back.warningLevel()).isZero();
    assertThat(back.listed()).isTrue();
    assertThat(steps(partner)).endsWith("REINSTATED");
    assertThat(InstanceRef.latest(engine, "business-review", partner.id())).as("back on its cadence")
        .isWaitingAt("WaitForReview");
  }

  /** SPEC §3 amendments: DISMISS (with a reason) ends the escalation at level 0; the partner is told nothing. */
  @Test
  void aDismissedBreachEndsTheEscalationWithoutAWarning() {
    Partner partner = partner();
    warnings.raiseBreach(partner.id(), BreachCategory.REPORTING, "No quarterly report", "API", "mary");
    ProcessInstance instance = escalationOf(partner);
    assertThatThrownBy(() -> active.complete(partner.id(), "IssuePrivateWarning", "mary",
        Map.of("warningDecision", "DISMISS"))).hasRootCauseInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("dismissReason");
    active.complete(partner.id(), "IssuePrivateWarning", "mary", Map.of("warningDecision", "DISMISS",
        "dismissReason", "The breach came from missing data"));
    assertThat(instance).isEnded().hasPassed("BreachDismissed").hasNotPassed("FirstCurePeriodEnded");
    assertThat(partners.get(partner.id()).warningLevel()).isZero();
    assertThat(steps(partner)).containsExactly("DISMISSED");
    assertThat(jdbc.queryForList("SELECT template FROM notification_outbox WHERE partner_id = ?", String.class,
        partner.id())).doesNotContain("warning.issued");
    assertThat(warnings.raiseBreach(partner.id(), BreachCategory.OTHER, "again", "API", "mary").joined()).isFalse();
  }

  /** Seed 002 line 53, "Second Warning": the partner is told, privately, that referrals are paused. */
  @Test
  void theSecondWarningIsSentToThePartner() {
    Partner partner = partner();
    ProcessInstance instance = warnedAtLevel1(partner);
    passCurePeriod(instance, "FirstCurePeriodEnded");
    assertThat(instance).hasPassed("PauseReferrals").isWaitingAt("SecondCurePeriodEnded");
    assertThat(jdbc.queryForList("SELECT template FROM notification_outbox WHERE partner_id = ? ORDER BY id",
        String.class, partner.id())).endsWith("warning.issued", "warning.issued");
  }

  @Test
  void goodStandingResetsFromLevelOne() {
    Partner partner = partner();
    ProcessInstance instance = warnedAtLevel1(partner);
    warnings.restoreGoodStanding(partner.id(), "Report received", "mary");
    assertThat(instance).isEnded().hasPassed("ResetProgression");
    assertThat(partners.get(partner.id()).warningLevel()).isZero();
    assertThat(steps(partner)).containsExactly("WARNED", "RESET");
    // A new breach starts a new escalation.
    assertThat(warnings.raiseBreach(partner.id(), BreachCategory.OTHER, "again", "API", "mary").joined()).isFalse();
  }

  @Test
  void goodStandingResetsFromLevelTwoAndResumesReferrals() {
    Partner partner = partner();
    ProcessInstance instance = warnedAtLevel1(partner);
    passCurePeriod(instance, "FirstCurePeriodEnded");
    assertThat(partners.get(partner.id()).referralsPaused()).isTrue();
    warnings.restoreGoodStanding(partner.id(), "Back on track", "paul");
    Partner reset = partners.get(partner.id());
    assertThat(reset.warningLevel()).isZero();
    assertThat(reset.referralsPaused()).isFalse();
    assertThat(reset.listed()).isTrue();
    assertThat(instance).isEnded();
    assertThat(warnings.history(partner.id())).last().extracting(WarningRepository.Step::decidedBy)
        .isEqualTo("paul");
  }

  @Test
  void leadershipMayExtendTheCurePeriodInsteadOfRemoving() {
    Partner partner = partner();
    ProcessInstance instance = warnedAtLevel1(partner);
    passCurePeriod(instance, "FirstCurePeriodEnded");
    passCurePeriod(instance, "SecondCurePeriodEnded");
    active.complete(partner.id(), "ApprovePublicRemoval", "lena",
        Map.of("removalDecision", "EXTEND", "removalReason", "New management, one more quarter"));
    assertThat(instance).isWaitingAt("ExtendedCurePeriodEnded");
    assertThat(partners.get(partner.id()).status()).isEqualTo(PartnerStatus.ACTIVE);
    passCurePeriod(instance, "ExtendedCurePeriodEnded");
    assertThat(instance).isWaitingAt("ApprovePublicRemoval");
    warnings.restoreGoodStanding(partner.id(), "Done at last", "mary");
    assertThat(instance).isEnded();
    assertThat(steps(partner)).contains("CURE_EXTENDED").endsWith("RESET");
  }

  /**
   * A completion sets only its form's input fields, and which escalation a step acts on and how long a cure period
   * runs come from our tables and the program terms, not from process variables (which an admin may write).
   */
  @Test
  void aTaskCompletionCannotShortenACurePeriodOrActOnAnotherPartnersEscalation() {
    Partner other = partner();
    String othersEscalation = warnings.raiseBreach(other.id(), BreachCategory.REPORTING, "Other's breach", "API",
        "mary").escalationId();
    Partner partner = partner();
    warnings.raiseBreach(partner.id(), BreachCategory.REPORTING, "No quarterly report", "API", "mary");
    ProcessInstance instance = escalationOf(partner);
    assertThatThrownBy(() -> active.complete(partner.id(), "IssuePrivateWarning", "mary", Map.of("warningNote",
        "Please send your report", "curePeriod", "PT1M", "escalationId", othersEscalation)))
        .isInstanceOf(TaskRefusal.class).hasMessageContaining("is not an input field");
    // Whatever the variables say (an admin may write them), the steps read our tables and the terms.
    engine.getRuntimeService().setVariables(instance.getId(), Map.of("curePeriod", "PT1M", "escalationId",
        othersEscalation));
    active.complete(partner.id(), "IssuePrivateWarning", "mary", Map.of("warningDecision", "SEND", "warningNote", "Please send your report"));
    assertThat(partners.get(partner.id()).warningLevel()).isEqualTo(1);
    assertThat(partners.get(other.id()).warningLevel()).isZero();
    assertThat(steps(other)).isEmpty();
    assertThat(cureTimerDue(instance, "FirstCurePeriodEnded"))
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)));

    passCurePeriod(instance, "FirstCurePeriodEnded");
    passCurePeriod(instance, "SecondCurePeriodEnded");
    engine.getRuntimeService().setVariables(instance.getId(), Map.of("curePeriod", "P3650D", "escalationId",
        othersEscalation));
    active.complete(partner.id(), "ApprovePublicRemoval", "lena", Map.of("removalDecision", "EXTEND",
        "removalReason", "One more quarter"));
    assertThat(cureTimerDue(instance, "ExtendedCurePeriodEnded"))
        .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)));
    assertThat(steps(partner)).containsExactly("WARNED", "REFERRALS_PAUSED", "REMOVAL_REQUESTED", "CURE_EXTENDED");
    assertThat(steps(other)).isEmpty();
  }

  private Instant cureTimerDue(ProcessInstance instance, String timerId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timerId).singleResult().getDuedate().toInstant();
  }

  @Test
  void aSecondBreachJoinsTheRunningEscalation() {
    Partner partner = partner();
    WarningService.BreachRecorded first = warnings.raiseBreach(partner.id(), BreachCategory.REPORTING, "one", "API",
        "mary");
    WarningService.BreachRecorded second = warnings.raiseBreach(partner.id(), BreachCategory.MARKETING, "two",
        "TIER_REVIEW", "system");
    assertThat(second.joined()).isTrue();
    assertThat(second.escalationId()).isEqualTo(first.escalationId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("warning-escalation")
        .processInstanceBusinessKey(partner.id()).count()).isEqualTo(1);
    assertThat((String) engine.getRuntimeService().getVariable(escalationOf(partner).getId(), "breaches"))
        .contains("one").contains("two");
  }
}
