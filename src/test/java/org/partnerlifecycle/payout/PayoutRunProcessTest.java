package org.partnerlifecycle.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.deal.DealPayouts;
import org.partnerlifecycle.deal.DealRegistrationRequest;
import org.partnerlifecycle.deal.DealRegistrationService;
import org.partnerlifecycle.deal.Ledger;
import org.partnerlifecycle.deal.SettlementStatus;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.support.ActivePartners;
import org.partnerlifecycle.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of payout-run through the engine (SPEC §3): below the approval threshold, leadership's approval and
 * rejection, the chase of an overdue statement, the monthly timer, idempotency per period, and a crash while building.
 * Time moves with the engine clock. Each test works in its own months (runs are one per period, across the context).
 */
@ApplicationTest
class PayoutRunProcessTest {

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
  PayoutRunService runs;
  @Autowired
  Ledger ledger;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  ActivePartners active;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    active = new ActivePartners(engine, applications, partners);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  private static void moveTime(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private Partner partner() {
    String domain = "payee-" + System.nanoTime() + ".example";
    return active.active("Payee " + domain.substring(6, 14), domain, "REFERRAL", "150000");
  }

  /** A GROWTH referral (10 %, initial term) won today for {@code amount} over {@code termMonths}. */
  private String wonDeal(Partner partner, String amount, int termMonths) {
    DealRegistrationRequest request = new DealRegistrationRequest(null, "Customer " + System.nanoTime(),
        "customer-" + System.nanoTime() + ".example", "REFERRAL", "NEW", "SUBSCRIPTION", "PLUS",
        new BigDecimal(amount), termMonths, null);
    String dealId = registrations.submit(partner.id(), request, "mary", null, request.toString()).deal().id();
    active.complete(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE"));
    registrations.close(dealId, "WON", new BigDecimal(amount), today());
    return dealId;
  }

  private ProcessInstance instance(String runId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(runId).singleResult();
  }

  /** A run on demand for today's period, its statements built (the asynchronous job executed). */
  private ProcessInstance run() {
    PayoutRunService.Requested requested = runs.request(null, "fiona");
    assertThat(requested.alreadyRan()).isFalse();
    ProcessInstance instance = instance(requested.runId());
    assertThat(instance).isWaitingAt("BuildStatements");
    execute(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult());
    return instance;
  }

  /** Puts what other tests left payable on statements first, so that this test's runs hold only its own amounts. */
  private void sweep() {
    ProcessInstance instance = run();
    if (engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("ApprovePayoutRun").count() > 0) {
      active.complete(instance.getBusinessKey(), "ApprovePayoutRun", "lena", Map.of("payoutDecision", "APPROVE"));
    }
  }

  private Statement statementOf(Partner partner) {
    List<Statement> statements = runs.statementsOfPartner(partner.id());
    assertThat(statements).hasSize(1);
    return statements.get(0);
  }

  private Job dueTimer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId("DueDatePassed").singleResult();
  }

  @Test
  void belowTheThresholdTheStatementsAreIssuedWithoutApprovalAndAPaidOneIsNotChased() {
    at("2027-01-05T09:00:00Z");
    sweep();
    at("2027-02-02T09:00:00Z");
    Partner partner = partner();
    String deal = wonDeal(partner, "48000", 12);
    payouts.recordCustomerPayment(deal, today(), new BigDecimal("48000"), 1, "fiona");
    moveTime(Duration.ofDays(30));

    ProcessInstance instance = run();
    assertThat(instance).hasPassed("BuildStatements", "IssueStatements").hasNotPassed("ApprovePayoutRun")
        .isWaitingAt("DueDatePassed");
    Statement statement = statementOf(partner);
    assertThat(statement.status()).isEqualTo(StatementStatus.ISSUED);
    assertThat(statement.total()).isEqualByComparingTo("4800.00");
    assertThat(statement.dueDate()).isEqualTo(statement.date().plusDays(30));
    assertThat(ledger.forDeal(deal).get(0).status()).isEqualTo(SettlementStatus.ON_STATEMENT);
    assertThat(runs.run(instance.getBusinessKey()).orElseThrow().needsApproval()).isFalse();

    runs.recordPayment(statement.statementId(), today(), "WIRE-1", "fiona");
    assertThat(ledger.forDeal(deal).get(0).status()).isEqualTo(SettlementStatus.PAID);
    at(statement.dueDate().plusDays(1) + "T00:00:00Z");
    execute(dueTimer(instance));
    assertThat(instance).hasPassed("FindOverdueStatements").hasNotPassed("ChaseOverdueStatement").isEnded();
  }

  @Test
  void aRunOf50000OrMoreWaitsForLeadershipWhoApprovesWithTheirDecisionChecked() {
    at("2027-04-05T09:00:00Z");
    sweep();
    at("2027-05-03T09:00:00Z");
    Partner partner = partner();
    String deal = wonDeal(partner, "500000", 12);
    payouts.recordCustomerPayment(deal, today(), new BigDecimal("500000"), 1, "fiona");
    moveTime(Duration.ofDays(31));

    ProcessInstance instance = run();
    assertThat(instance).isWaitingAt("ApprovePayoutRun");
    assertThat(task(instance)).hasCandidateGroup("leadership");
    assertThat(task(instance).getName()).isEqualTo("Approve payout run — June 2027, $50,000.00");
    assertThat(statementOf(partner).status()).isEqualTo(StatementStatus.DRAFT);
    assertThatThrownBy(() -> active.complete(instance.getBusinessKey(), "ApprovePayoutRun", "lena",
        Map.of("payoutDecision", "MAYBE"))).hasMessageContaining("payoutDecision");
    assertThatThrownBy(() -> active.complete(instance.getBusinessKey(), "ApprovePayoutRun", "lena",
        Map.of("payoutDecision", "REJECT"))).hasMessageContaining("payoutReason: is required to reject a payout run");

    active.complete(instance.getBusinessKey(), "ApprovePayoutRun", "lena", Map.of("payoutDecision", "APPROVE"));
    assertThat(instance).hasPassed("IssueStatements").isWaitingAt("DueDatePassed");
    assertThat(statementOf(partner).status()).isEqualTo(StatementStatus.ISSUED);
    PayoutRun run = runs.run(instance.getBusinessKey()).orElseThrow();
    assertThat(run.status()).isEqualTo(PayoutRunStatus.ISSUED);
    assertThat(run.decidedBy()).isEqualTo("lena");
  }

  @Test
  void aRejectedRunVoidsItsStatementsAndTheirAmountsGoOnNextMonthsRun() {
    at("2027-07-05T09:00:00Z");
    sweep();
    at("2027-08-02T09:00:00Z");
    Partner partner = partner();
    String deal = wonDeal(partner, "600000", 12);
    payouts.recordCustomerPayment(deal, today(), new BigDecimal("600000"), 1, "fiona");
    moveTime(Duration.ofDays(31));

    ProcessInstance rejected = run();
    active.complete(rejected.getBusinessKey(), "ApprovePayoutRun", "lena",
        Map.of("payoutDecision", "REJECT", "payoutReason", "Hold until the audit of this deal is done"));
    assertThat(rejected).hasPassed("RunRejected").isEnded();
    assertThat(statementOf(partner).status()).isEqualTo(StatementStatus.VOIDED);
    assertThat(ledger.forDeal(deal).get(0).status()).isEqualTo(SettlementStatus.PAYABLE);
    assertThat(runs.run(rejected.getBusinessKey()).orElseThrow().decisionReason()).contains("audit");

    moveTime(Duration.ofDays(31));
    ProcessInstance next = run();
    active.complete(next.getBusinessKey(), "ApprovePayoutRun", "lena", Map.of("payoutDecision", "APPROVE"));
    assertThat(runs.statementsOfPartner(partner.id())).extracting(Statement::status)
        .containsExactlyInAnyOrder(StatementStatus.VOIDED, StatementStatus.ISSUED);
    assertThat(runs.statementsOfPartner(partner.id())).filteredOn(s -> s.status() == StatementStatus.ISSUED)
        .singleElement().extracting(Statement::total).isEqualTo(new BigDecimal("60000.00"));
  }

  @Test
  void aStatementUnpaidAtItsDueDateOpensChaseOverdueStatementForFinance() {
    at("2029-01-05T09:00:00Z");
    sweep();
    at("2029-02-01T09:00:00Z");
    Partner partner = partner();
    String deal = wonDeal(partner, "24000", 12);
    payouts.recordCustomerPayment(deal, today(), new BigDecimal("24000"), 1, "fiona");
    moveTime(Duration.ofDays(30));
    ProcessInstance instance = run();
    Statement statement = statementOf(partner);
    assertThat(instance).isWaitingAt("DueDatePassed");

    // Net 30: on the due date itself nothing is chased yet; the timer fires when the due date has passed.
    assertThat(dueTimer(instance).getDuedate())
        .isEqualTo(Date.from(statement.dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    at(statement.dueDate().plusDays(1) + "T00:00:00Z");
    execute(dueTimer(instance));
    assertThat(instance).isWaitingAt("ChaseOverdueStatement");
    Task chase = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(chase).hasCandidateGroup("finance");
    assertThat(chase.getName()).isEqualTo("Pay overdue statement — " + partner.companyName() + ", $2,400.00");
    assertThat(engine.getTaskService().getVariables(chase.getId())).containsEntry("statementId",
        statement.statementId()).containsEntry("statementTotalText", "$2,400.00")
        .containsEntry("companyName", partner.companyName());

    assertThatThrownBy(() -> complete(chase, "fiona", Map.of("chaseDecision", "NOT_YET")))
        .hasMessageContaining("chaseNote");
    assertThatThrownBy(() -> complete(chase, "fiona", Map.of("chaseDecision", "PAID", "paymentReference", "W-9")))
        .hasMessageContaining("paidOn");
    complete(chase, "fiona", Map.of("chaseDecision", "PAID", "paidOn", today().toString(), "paymentReference",
        "WIRE-OVERDUE-1"));
    assertThat(instance).isEnded();
    Statement paid = runs.statement(statement.statementId()).orElseThrow();
    assertThat(paid.status()).isEqualTo(StatementStatus.PAID);
    assertThat(paid.paidRecordedBy()).isEqualTo("fiona");
    assertThat(paid.paymentReference()).isEqualTo("WIRE-OVERDUE-1");
  }

  @Test
  void theMonthlyTimerOpensTheMonthsRunOnceAndASecondRunForThePeriodChangesNothing() {
    Job monthly = engine.getManagementService().createJobQuery().processDefinitionKey("payout-run").timers()
        .activityId("Monthly").singleResult();
    assertThat(monthly).as("the monthly timer start event is scheduled").isNotNull();
    at("2028-02-01T03:00:00Z");
    execute(monthly);
    String runId = runs.run(jdbc.queryForObject("SELECT id FROM payout_run WHERE period = '2028-02'", String.class))
        .orElseThrow().runId();
    ProcessInstance scheduled = instance(runId);
    assertThat(scheduled).isWaitingAt("BuildStatements");
    assertThat(runs.run(runId).orElseThrow().requestedBy()).isEqualTo("system");

    // On demand for the same period: the earlier run answers, nothing is started or changed.
    long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("payout-run").count();
    PayoutRunService.Requested again = runs.request(today(), "fiona");
    assertThat(again.alreadyRan()).isTrue();
    assertThat(again.runId()).isEqualTo(runId);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("payout-run").count())
        .isEqualTo(instances);
    // The timer firing again within the period (a second node, a retried job) ends at once.
    ProcessInstance repeat = engine.getRuntimeService().startProcessInstanceByKey("payout-run");
    assertThat(repeat).hasPassed("OpenRun", "NothingToDo").isEnded();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payout_run WHERE period = '2028-02'", Integer.class))
        .isEqualTo(1);
  }

  /** Building statements is one transaction: a crash while building leaves no statement, line or carried amount. */
  @Test
  void aCrashWhileBuildingLeavesNoHalfStatementAndTheRetriedJobBuildsThemAll() {
    at("2028-04-05T09:00:00Z");
    sweep();
    at("2028-05-02T09:00:00Z");
    Partner paid = partner();
    Partner small = partner();
    String big = wonDeal(paid, "48000", 12);
    String tiny = wonDeal(small, "400", 12);
    payouts.recordCustomerPayment(big, today(), new BigDecimal("48000"), 1, "fiona");
    payouts.recordCustomerPayment(tiny, today(), new BigDecimal("400"), 1, "fiona");
    moveTime(Duration.ofDays(31));
    PayoutRunService.Requested requested = runs.request(null, "fiona");
    int statements = jdbc.queryForObject("SELECT count(*) FROM statement", Integer.class);
    int lines = jdbc.queryForObject("SELECT count(*) FROM statement_line", Integer.class);
    int carried = jdbc.queryForObject("SELECT count(*) FROM payout_carry_forward", Integer.class);

    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      runs.build(requested.runId(), null);
      throw new IllegalStateException("the node dies after building");
    })).hasMessageContaining("node dies");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM statement", Integer.class)).isEqualTo(statements);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM statement_line", Integer.class)).isEqualTo(lines);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM payout_carry_forward", Integer.class)).isEqualTo(carried);
    assertThat(ledger.forDeal(big).get(0).status()).isEqualTo(SettlementStatus.PAYABLE);
    assertThat(runs.run(requested.runId()).orElseThrow().statementCount()).isNull();

    ProcessInstance instance = instance(requested.runId());
    execute(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult());
    assertThat(statementOf(paid).total()).isEqualByComparingTo("4800.00");
    assertThat(runs.statementsOfPartner(small.id())).isEmpty();
    assertThat(runs.carryForwardsOfPartner(small.id())).singleElement().extracting(CarryForward::amount)
        .isEqualTo(new BigDecimal("40.00"));
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, List.of("finance"));
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
