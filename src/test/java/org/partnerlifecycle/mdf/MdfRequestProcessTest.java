package org.partnerlifecycle.mdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
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
import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.support.ActivePartners;
import org.partnerlifecycle.support.ApplicationTest;
import org.partnerlifecycle.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of mdf-request through the engine; the overdue reimbursement and the year-end lapse by moving time. */
@ApplicationTest
class MdfRequestProcessTest {

  @org.junit.jupiter.api.AfterEach
  void removeAddedStaff() {
    MdfApiContract.removeAddedStaff(engine);
  }


  @Autowired
  ProcessEngine engine;
  @Autowired
  PartnerApplicationService applications;
  @Autowired
  PartnerRepository partners;
  @Autowired
  MdfService mdf;
  @Autowired
  JdbcTemplate jdbc;

  ActivePartners active;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-12T10:00:00Z")));
    active = new ActivePartners(engine, applications, partners);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Partner partner(String forecast) {
    return active.active("Mdf Co " + forecast, "mdf-" + System.nanoTime() + ".example", "REFERRAL", forecast);
  }

  private MdfRequest submit(Partner partner, String amount) {
    return mdf.submit(partner.id(), new MdfService.NewRequest("Joint webinar", MdfUse.EVENT, new BigDecimal(amount),
        LocalDate.parse("2026-06-15"), 40), "partner:" + partner.id());
  }

  private ProcessInstance instanceOf(MdfRequest request) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(request.id())
        .singleResult();
  }

  private void moveTo(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  private void runTimer(MdfRequest request, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instanceOf(request).getId()).timers()
        .activityId(activityId).singleResult();
    assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    engine.getManagementService().executeJob(job.getId());
  }

  private int events(String decisionKey) {
    return jdbc.queryForObject("SELECT count(*) FROM partner_event WHERE decision_key = ?", Integer.class,
        decisionKey);
  }

  private MdfStatus status(MdfRequest request) {
    return mdf.find(request.id()).orElseThrow().status();
  }

  @Test
  void aGrowthRequestIsApprovedByItsManagerClaimedReimbursedNetFifteenChasedWhenOverdueAndPaid() {
    Partner partner = partner("150000");
    MdfRequest request = submit(partner, "1500");
    assertThat(request.status()).isEqualTo(MdfStatus.IN_REVIEW);
    ProcessInstance instance = instanceOf(request);
    assertThat(instance).isWaitingAt("ReviewMdfRequest").hasPassed("CheckMdfRequest");
    assertThat(task(instance)).hasCandidateGroup("partner-managers");
    assertThat(task(instance).getName()).isEqualTo("Review MDF request — " + partner.companyName()
        + ", $1,500.00 (Event)");
    assertThat(instance).variables().containsEntry("amountText", "$1,500.00").containsEntry("tierText", "Growth")
        .containsEntry("plannedOnText", "15 Jun 2026").containsEntry("requestedAtText", "12 May 2026, 10:00 UTC")
        .containsEntry("leadershipApproval", false);
    assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "budgetText"))
        .startsWith("$2,000.00 of the $2,000.00 quarterly cap left in FY2026 Q2");

    assertThatThrownBy(() -> active.complete(request.id(), "ReviewMdfRequest", "mary",
        Map.of("mdfDecision", "REJECT"))).hasRootCauseInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("mdfReason");
    active.complete(request.id(), "ReviewMdfRequest", "mary", Map.of("mdfDecision", "APPROVE"));
    assertThat(status(request)).isEqualTo(MdfStatus.APPROVED);
    assertThat(instance).isWaitingAt("AwaitClaim");
    assertThat(events("mdf.decided:" + request.id())).isEqualTo(1);

    assertThatThrownBy(() -> mdf.claim(request.id(), new BigDecimal("1500.01"), 30, new BigDecimal("90000"),
        "Receipts attached", "partner:" + partner.id())).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("receiptAmount");
    mdf.claim(request.id(), new BigDecimal("1200"), 30, new BigDecimal("90000"), "Receipts attached",
        "partner:" + partner.id());
    assertThat(instance).isWaitingAt("ReviewMdfClaim");
    assertThat(task(instance).getName()).isEqualTo("Review MDF claim — " + partner.companyName()
        + ", $1,500.00 approved");
    active.complete(request.id(), "ReviewMdfClaim", "mary", Map.of("claimDecision", "APPROVE"));
    assertThat(status(request)).isEqualTo(MdfStatus.REIMBURSEMENT_DUE);
    assertThat(events("mdf.claim_decided:" + request.id())).isEqualTo(1);
    assertThat(instance).isWaitingAt("AwaitReimbursementPayment");
    MdfViews.Funds funds = mdf.funds(partner.id());
    MdfViews.Reimbursement reimbursement = funds.reimbursements().get(0);
    assertThat(reimbursement.dueOn()).isEqualTo(LocalDate.parse("2026-05-27"));
    assertThat(reimbursement.status()).isEqualTo("PAYABLE");
    // The claim released the $300 it did not use: $1,200 claimed, $800 left of the quarter's $2,000.
    assertThat(funds.quarter().claimed()).isEqualByComparingTo("1200");
    assertThat(funds.quarter().reserved()).isEqualByComparingTo("0");
    assertThat(funds.quarter().remaining()).isEqualByComparingTo("800");

    // Unpaid on its due date: the next morning, finance is asked to chase it.
    moveTo(Instant.parse("2026-05-27T23:00:00Z"));
    assertThat(engine.getManagementService().createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime())
        .processInstanceId(instance.getId()).count()).isZero();
    moveTo(Instant.parse("2026-05-28T00:00:01Z"));
    runTimer(request, "ReimbursementOverdue");
    assertThat(instance).isWaitingAt("AwaitReimbursementPayment", "ChaseMdfReimbursement");
    assertThat(task("ChaseMdfReimbursement", instance)).hasCandidateGroup("finance");
    assertThat(task("ChaseMdfReimbursement", instance).getName()).isEqualTo("Chase MDF reimbursement — "
        + partner.companyName() + ", $1,200.00 due 27 May 2026, Net 15 from the claim's approval on "
        + "12 May 2026");
    assertThatThrownBy(() -> active.complete(request.id(), "ChaseMdfReimbursement", "fiona", Map.of()))
        .hasRootCauseInstanceOf(InvalidDecisionException.class).hasMessageContaining("chaseNote");
    active.complete(request.id(), "ChaseMdfReimbursement", "fiona", Map.of("chaseNote", "Payment run moved"));

    mdf.recordPayment(request.id(), LocalDate.parse("2026-05-28"), "PAY-123", "fiona");
    assertThat(status(request)).isEqualTo(MdfStatus.PAID);
    assertThat(instance).isEnded();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("ReimbursementPaid").count()).isEqualTo(1);
  }

  @Test
  void fromFiveThousandLeadershipApprovesAsWellButNeverTheManagerWhoReviewed() {
    Partner partner = partner("400000");
    MdfRequest request = submit(partner, "6000");
    ProcessInstance instance = instanceOf(request);
    String rex = MdfApiContract.managerAndLeader(engine);
    active.complete(request.id(), "ReviewMdfRequest", rex, Map.of("mdfDecision", "APPROVE"));
    assertThat(status(request)).isEqualTo(MdfStatus.AWAITING_LEADERSHIP);
    assertThat(instance).isWaitingAt("ApproveMdfRequest");
    assertThat(task(instance)).hasCandidateGroup("leadership");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "reviewText").toString())
        .startsWith("Approved by Rex Both on 12 May 2026, 10:00 UTC");
    assertThat(events("mdf.decided:" + request.id())).isZero();

    assertThatThrownBy(() -> active.complete(request.id(), "ApproveMdfRequest", rex,
        Map.of("approvalDecision", "APPROVE"))).hasRootCauseInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("four eyes");
    assertThat(instance).isWaitingAt("ApproveMdfRequest");
    active.complete(request.id(), "ApproveMdfRequest", "lena", Map.of("approvalDecision", "APPROVE"));
    assertThat(status(request)).isEqualTo(MdfStatus.APPROVED);
    assertThat(instance).isWaitingAt("AwaitClaim");
    assertThat(events("mdf.decided:" + request.id())).isEqualTo(1);
  }

  @Test
  void foundationAndRequestsBeyondTheCapAreRefusedAndTheProcessEnds() {
    MdfRequest foundation = submit(partner("50000"), "500");
    assertThat(foundation.status()).isEqualTo(MdfStatus.REFUSED);
    assertThat(foundation.decisionReason()).startsWith("FOUNDATION partners are not eligible for MDF");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(foundation.id()).singleResult().getEndActivityId()).isEqualTo("RequestRefused");

    Partner growth = partner("150000");
    assertThat(submit(growth, "1500").status()).isEqualTo(MdfStatus.IN_REVIEW);
    MdfRequest beyond = submit(growth, "1000");
    assertThat(beyond.status()).isEqualTo(MdfStatus.REFUSED);
    assertThat(beyond.amountLeft()).isEqualByComparingTo("500");
    assertThat(beyond.decisionReason()).startsWith("$1,000.00 is beyond the quarterly cap: $500.00 left in FY2026 Q2");
    // The rules' explanations are stored for the partner, where auditors read them.
    assertThat(jdbc.queryForList("SELECT rule_name FROM rule_result WHERE subject_type = 'PARTNER' AND "
        + "subject_id = ? AND rule_name LIKE 'mdf.%'", String.class, growth.id()))
        .contains("mdf.eligibility", "mdf.quarterlyCapLeft", "mdf.annualBudgetLeft", "mdf.approval", "mdf.request");
  }

  @Test
  void aRejectedRequestOrClaimReleasesItsFunds() {
    Partner partner = partner("150000");
    MdfRequest rejected = submit(partner, "2000");
    active.complete(rejected.id(), "ReviewMdfRequest", "mary", Map.of("mdfDecision", "REJECT",
        "mdfReason", "No plan for follow-up"));
    assertThat(status(rejected)).isEqualTo(MdfStatus.REJECTED);
    assertThat(events("mdf.decided:" + rejected.id())).isEqualTo(1);

    MdfRequest request = submit(partner, "2000");
    assertThat(request.status()).isEqualTo(MdfStatus.IN_REVIEW);
    active.complete(request.id(), "ReviewMdfRequest", "mary", Map.of("mdfDecision", "APPROVE"));
    mdf.claim(request.id(), new BigDecimal("2000"), 0, BigDecimal.ZERO, "No receipts", "partner:" + partner.id());
    active.complete(request.id(), "ReviewMdfClaim", "mary", Map.of("claimDecision", "REJECT",
        "claimReason", "Receipts missing"));
    assertThat(status(request)).isEqualTo(MdfStatus.CLAIM_REJECTED);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(request.id()).singleResult().getEndActivityId()).isEqualTo("ClaimRejected");
    assertThat(mdf.funds(partner.id()).quarter().remaining()).isEqualByComparingTo("2000");
  }

  /** Use it or lose it: approved in November, unclaimed on 31 December — it lapses and next year starts whole. */
  @Test
  void anApprovedRequestNotClaimedByYearEndLapsesAndReleasesNothingIntoNextYear() {
    moveTo(Instant.parse("2026-11-20T09:00:00Z"));
    Partner partner = partner("150000");
    MdfRequest request = mdf.submit(partner.id(), new MdfService.NewRequest("Year-end campaign",
        MdfUse.ADVERTISING, new BigDecimal("2000"), LocalDate.parse("2026-12-10"), 10), "partner:" + partner.id());
    active.complete(request.id(), "ReviewMdfRequest", "mary", Map.of("mdfDecision", "APPROVE"));
    ProcessInstance instance = instanceOf(request);
    assertThat(instance).isWaitingAt("AwaitClaim");

    moveTo(Instant.parse("2026-12-31T23:59:00Z"));
    assertThat(engine.getManagementService().createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime())
        .processInstanceId(instance.getId()).count()).isZero();
    moveTo(Instant.parse("2027-01-01T00:00:01Z"));
    runTimer(request, "YearEnded");
    assertThat(status(request)).isEqualTo(MdfStatus.LAPSED);
    assertThat(instance).isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(request.id()).singleResult().getEndActivityId()).isEqualTo("RequestLapsed");
    assertThatThrownBy(() -> mdf.claim(request.id(), new BigDecimal("100"), 1, BigDecimal.ONE, "Too late",
        "partner:" + partner.id())).hasMessageContaining("LAPSED");

    MdfViews.PeriodFunds year = mdf.funds(partner.id()).year();
    assertThat(year.period()).isEqualTo("FY2027");
    assertThat(year.remaining()).isEqualByComparingTo("5000");
    assertThat(year.reserved()).isEqualByComparingTo("0");
    moveTo(Instant.parse("2027-01-01T00:00:02Z"));
    MdfRequest next = mdf.submit(partner.id(), new MdfService.NewRequest("New year event", MdfUse.EVENT,
        new BigDecimal("2000"), LocalDate.parse("2027-02-01"), 10), "partner:" + partner.id());
    assertThat(next.status()).isEqualTo(MdfStatus.IN_REVIEW);
    assertThat(next.period()).isEqualTo("FY2027 Q1");
  }
}
