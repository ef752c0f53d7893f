package org.partnerlifecycle.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.InvalidDecisionException;
import org.partnerlifecycle.platform.DecisionFactsBackfill;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of partner-onboarding, driven through the engine with time moved for the timers. */
@ApplicationTest
class PartnerOnboardingProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnerApplicationService applications;
  @Autowired
  PartnerRepository partners;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DecisionFactsBackfill backfill;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-03-02T09:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Partner apply(String company, String domain, String motion, String forecast) {
    return applications.apply(new PartnerApplicationRequest(company, domain, "Pat Contact",
        "pat@" + domain.replaceFirst("^www\\.", ""), "EMEA", motion, new BigDecimal(forecast)));
  }

  private ProcessInstance instanceOf(Partner partner) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(partner.id())
        .singleResult();
  }

  /** Completes the instance's task as {@code user} with their groups, so the engine's authorization checks apply. */
  private void complete(ProcessInstance instance, String user, Map<String, Object> variables) {
    String taskId = task(instance).getId();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().complete(taskId, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void moveTime(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  /** The timer job of this boundary or catch event, which must be due by now. */
  private org.camunda.bpm.engine.runtime.Job timer(ProcessInstance instance, String activityId) {
    org.camunda.bpm.engine.runtime.Job job = engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
    assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    return job;
  }

  private List<String> outbox(Partner partner) {
    return jdbc.queryForList("SELECT template FROM notification_outbox WHERE partner_id = ? ORDER BY id",
        String.class, partner.id());
  }

  @Test
  void foundationReferralIsDigitallyLedAndActivationIsCheckedAfter90DaysWithoutADeal() {
    Partner applied = apply("Acme Learning", "acme-learning.example", "REFERRAL", "50000");
    ProcessInstance instance = instanceOf(applied);

    assertThat(instance).isWaitingAt("ReviewApplication").hasPassed("ScreenApplication");
    assertThat(task(instance)).hasCandidateGroup("partner-managers").hasName("Review application — Acme Learning");
    assertThat(instance).variables().containsEntry("proposedTier", "FOUNDATION")
        .containsEntry("duplicateHits", "none").containsKey("proposedTierExplanation");
    assertThat(partners.get(applied.id()).proposedTier()).isEqualTo(Tier.FOUNDATION);

    complete(instance, "mary", withVariables("decision", "APPROVE", "tier", "FOUNDATION"));
    assertThat(instance).isWaitingAt("WaitForAgreement").hasNotPassed("ApproveStrategicPlacement");
    assertThat(partners.get(applied.id()).status()).isEqualTo(PartnerStatus.AWAITING_AGREEMENT);

    applications.signAgreement(applied.id(), "Pat Contact");
    assertThat(instance).hasPassed("SendWelcomeKits", "ActivatePartner").isWaitingAt("FirstDealOrTimeout");
    Partner active = partners.get(applied.id());
    assertThat(active.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(active.listed()).isTrue();
    assertThat(active.motion()).isEqualTo(Motion.REFERRAL);
    assertThat(active.launchMethods()).containsExactlyInAnyOrder("SCORM", "AICC");
    assertThat(active.products()).contains("PLUS", "SIMON");
    assertThat(active.nextReviewDue()).isEqualTo(java.time.LocalDate.parse("2027-03-02"));
    assertThat(outbox(applied)).contains("agreement-request", "welcome-kit", "announcement-kit", "partner.activated");

    moveTime(Duration.ofDays(90).plusMinutes(1));
    execute(timer(instance, "NinetyDaysPassed"));
    assertThat(instance).isWaitingAt("ActivationCheck");
    assertThat(task(instance)).hasCandidateGroup("partner-managers");
    assertThatThrownBy(() -> complete(instance, "mary", withVariables("activationDecision", "KEEP")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("activationNote");
    complete(instance, "mary", withVariables("activationDecision", "KEEP", "activationNote", "Pipeline agreed"));
    assertThat(instance).isEnded().hasPassed("ActivationChecked");
  }

  @Test
  void anActivationCheckMayRaiseAComplianceBreachIntoTheWarningEscalation() {
    Partner applied = apply("Quiet Co", "quiet.example", "REFERRAL", "50000");
    ProcessInstance instance = instanceOf(applied);
    complete(instance, "mary", withVariables("decision", "APPROVE", "tier", "FOUNDATION"));
    applications.signAgreement(applied.id(), "Pat Contact");
    moveTime(Duration.ofDays(91));
    execute(timer(instance, "NinetyDaysPassed"));
    complete(instance, "mary", withVariables("activationDecision", "RAISE_BREACH", "activationNote", "No deal, no reply"));
    assertThat(instance).isEnded();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("warning-escalation")
        .processInstanceBusinessKey(applied.id()).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT category FROM compliance_breach WHERE partner_id = ?", String.class,
        applied.id())).isEqualTo("NO_FIRST_DEAL");
  }

  @Test
  void aRejectionNeedsAReasonAndEndsTheApplication() {
    Partner applied = apply("Nope Inc", "nope.example", "REFERRAL", "10000");
    ProcessInstance instance = instanceOf(applied);

    assertThatThrownBy(() -> complete(instance, "mary", withVariables("decision", "REJECT")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("reason");
    assertThat(instance).isWaitingAt("ReviewApplication");
    assertThat(partners.get(applied.id()).status()).isEqualTo(PartnerStatus.APPLIED);

    complete(instance, "mary", withVariables("decision", "REJECT", "reason", "Outside our market"));
    assertThat(instance).isEnded().hasPassed("ApplicationRejected");
    Partner rejected = partners.get(applied.id());
    assertThat(rejected.status()).isEqualTo(PartnerStatus.REJECTED);
    assertThat(rejected.decisionReason()).isEqualTo("Outside our market");
    assertThat(outbox(applied)).containsExactly("application-rejected");
  }

  @Test
  void aTierOtherThanTheProposalNeedsAReason() {
    ProcessInstance instance = instanceOf(apply("Up Co", "up.example", "REFERRAL", "120000"));
    assertThat(instance).variables().containsEntry("proposedTier", "GROWTH");
    assertThatThrownBy(() -> complete(instance, "mary", withVariables("decision", "APPROVE", "tier", "FOUNDATION")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("reason");
    assertThatThrownBy(() -> complete(instance, "mary", withVariables("decision", "MAYBE", "tier", "GROWTH")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("decision");
    complete(instance, "mary", withVariables("decision", "APPROVE", "tier", "FOUNDATION", "reason", "Start small"));
    assertThat(instance).isWaitingAt("WaitForAgreement");
  }

  @Test
  void aResellerForecastBelowGrowthIsPlacedByTheReferralThresholds() {
    // SPEC §2 (second release, issue 22): a reseller/OEM below GROWTH is placed by the REFERRAL thresholds as a
    // REFERRAL partner, its forecast still counting: $199,999.99 passes REFERRAL GROWTH's $100,000 (guide §5).
    Partner applied = apply("Resell Small", "resell-small.example", "FULL_RESELLER", "199999.99");
    assertThat(applied.proposedTier()).isEqualTo(Tier.GROWTH);
    assertThat(partners.get(applied.id()).proposedMotion()).isEqualTo(Motion.REFERRAL);
    ProcessInstance instance = instanceOf(applied);
    assertThat(instance).variables().containsEntry("proposedMotion", "REFERRAL");
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "proposedTierExplanation"))
        .contains("placed by the REFERRAL thresholds");
    Partner tiny = apply("Resell Tiny", "resell-tiny.example", "FULL_RESELLER", "50000");
    assertThat(tiny.proposedTier()).isEqualTo(Tier.FOUNDATION);
    assertThat(partners.get(tiny.id()).proposedMotion()).isEqualTo(Motion.REFERRAL);
  }

  @Test
  void duplicateDomainsAreFoundWhateverTheirCaseAndWww() {
    Partner first = apply("Globex", "globex.example", "REFERRAL", "10000");
    Partner second = apply("Globex Corp", "WWW.Globex.Example", "REFERRAL", "10000");
    String hits = (String) engine.getRuntimeService().getVariable(instanceOf(second).getId(), "duplicateHits");
    assertThat(hits).contains(first.id()).contains("Globex");
  }

  @Test
  void strategicPlacementNeedsLeadershipAndARejectedPlacementBecomesGrowth() {
    Partner applied = apply("Initech OEM", "initech.example", "OEM", "5000000");
    ProcessInstance instance = instanceOf(applied);
    assertThat(applied.proposedTier()).isEqualTo(Tier.STRATEGIC);
    complete(instance, "mary", withVariables("decision", "APPROVE", "tier", "STRATEGIC"));
    assertThat(instance).isWaitingAt("ApproveStrategicPlacement");
    assertThat(task(instance)).hasCandidateGroup("leadership");

    assertThatThrownBy(() -> complete(instance, "lena", withVariables("placementDecision", "REJECT")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("placementReason");
    complete(instance, "lena", withVariables("placementDecision", "REJECT", "placementReason", "Prove it first"));
    assertThat(instance).isWaitingAt("WaitForAgreement").variables().containsEntry("tier", "GROWTH");
    assertThat(partners.get(applied.id()).tier()).isEqualTo(Tier.GROWTH);

    applications.signAgreement(applied.id(), "Bill Lumbergh");
    assertThat(instance).isWaitingAt("AssignPartnerManager");
    assertThatThrownBy(() -> complete(instance, "mary", withVariables("partnerManager", "lena")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("partnerManager");
    complete(instance, "mary", withVariables("partnerManager", "paul"));
    assertThat(instance).isWaitingAt("RunOnboardingSession");
    assertThat(task(instance)).isAssignedTo("paul");
    complete(instance, "paul", withVariables("sessionHeldOn", "2026-03-09", "sessionNotes", "Walked through PRM"));
    assertThat(instance).hasPassed("ActivatePartner").isWaitingAt("FirstDealOrTimeout");
    Partner active = partners.get(applied.id());
    assertThat(active.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(active.partnerManager()).isEqualTo("paul");
    assertThat(active.launchMethods()).contains("LAUNCH_LINKS_SSO");
    assertThat(active.motion()).isEqualTo(Motion.OEM);

    engine.getRuntimeService().createMessageCorrelation("FirstDealApproved")
        .processInstanceBusinessKey(applied.id()).correlate();
    assertThat(instance).isEnded().hasPassed("PartnerActivated").hasNotPassed("ActivationCheck");
  }

  @Test
  void strategicPartnersNeedAnExecutiveSponsorAndTheReviewerCannotApproveTheirOwnPlacement() {
    Partner applied = apply("Umbrella", "umbrella.example", "REFERRAL", "300000");
    ProcessInstance instance = instanceOf(applied);
    // demo (an admin) may work any task: it reviews, and then may not approve its own proposal.
    complete(instance, "demo", withVariables("decision", "APPROVE", "tier", "STRATEGIC"));
    assertThatThrownBy(() -> complete(instance, "demo", withVariables("placementDecision", "APPROVE")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("may not approve");
    // An application reviewed before V9 had its reviewer only in a variable: the startup backfill copies it.
    jdbc.update("UPDATE partner SET application_reviewed_by = NULL WHERE id = ?", applied.id());
    assertThat(backfill.run()).isEqualTo(1);
    // The reviewer recorded with the review counts, not a variable the completion sends along (the form shows it
    // read-only, and what a completion sends back for it is dropped).
    assertThatThrownBy(() -> complete(instance, "demo", withVariables("placementDecision", "APPROVE",
        "reviewedByText", "someone-else"))).hasRootCauseInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("may not approve");
    complete(instance, "lena", withVariables("placementDecision", "APPROVE"));
    applications.signAgreement(applied.id(), "Albert Wesker");
    assertThatThrownBy(() -> complete(instance, "mary", withVariables("partnerManager", "mary")))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("executiveSponsor");
    complete(instance, "mary", withVariables("partnerManager", "mary", "executiveSponsor", "Oswell Spencer"));
    assertThat(instance).isWaitingAt("RunOnboardingSession");
    assertThat(partners.get(applied.id()).executiveSponsor()).isEqualTo("Oswell Spencer");
  }

  @Test
  void theAgreementIsRemindedAfter7DaysAndLapsesAfter30() {
    Partner applied = apply("Slow Signers", "slow.example", "REFERRAL", "10000");
    ProcessInstance instance = instanceOf(applied);
    complete(instance, "mary", withVariables("decision", "APPROVE", "tier", "FOUNDATION"));

    moveTime(Duration.ofDays(7).plusMinutes(1));
    execute(timer(instance, "AgreementReminderDue"));
    assertThat(instance).isWaitingAt("WaitForAgreement").hasPassed("SendAgreementReminder");
    assertThat(outbox(applied)).contains("agreement-reminder");

    moveTime(Duration.ofDays(23));
    execute(timer(instance, "AgreementLapsed"));
    assertThat(instance).isEnded().hasPassed("ApplicationLapsed");
    assertThat(partners.get(applied.id()).status()).isEqualTo(PartnerStatus.LAPSED);
    assertThatThrownBy(() -> applications.signAgreement(applied.id(), "Too Late"))
        .hasMessageContaining("LAPSED");
  }
}
