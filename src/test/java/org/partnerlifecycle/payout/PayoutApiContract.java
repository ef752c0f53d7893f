package org.partnerlifecycle.payout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.WebappSession;

/**
 * Issue 24's Must-show items through the API and Tasklist's own REST root, as a new user would: finance (fiona)
 * records customer payments, runs payouts and pays statements; leadership (lena) approves a large run in Tasklist;
 * partners read their own statements only. The engine clock moves time; each test works in its own years, since runs
 * are one per period for the whole program.
 */
public abstract class PayoutApiContract extends ApiContract {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected static void at(String date) {
    ClockUtil.setCurrentTime(Date.from(LocalDate.parse(date).atTime(9, 0).toInstant(ZoneOffset.UTC)));
  }

  protected static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  protected Partner partner() {
    String domain = "payee-" + System.nanoTime() + ".example";
    return active.active("Payee " + domain.substring(6, 15), domain, "REFERRAL", "150000");
  }

  /** A GROWTH referral (10 %, initial term) registered by the partner, approved by mary, won today. */
  protected String wonDeal(Partner partner, long amount, int termMonths) throws Exception {
    String body = "{\"customerName\":\"Customer " + System.nanoTime() + "\",\"customerDomain\":\"c-" + System.nanoTime()
        + ".example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\",\"product\":"
        + "\"PLUS\",\"estimatedValue\":" + amount + ",\"termMonths\":" + termMonths + "}";
    String dealId = body(http.post("/api/deal-registrations", body, keyOf(partner.id()))).get("dealId").asText();
    completeOverRest(dealId, "ReviewDealRegistration", MARY, "{\"decision\":{\"value\":\"APPROVE\"}}");
    Response closed = http.post("/api/deal-registrations/" + dealId + "/close", "{\"outcome\":\"WON\",\"amount\":"
        + amount + ",\"closedOn\":\"" + today() + "\"}", MARY);
    assertThat(closed.status()).as(closed.body()).isEqualTo(202);
    return dealId;
  }

  /** fiona records the customer's payment for a contract year today. */
  protected JsonNode pay(String dealId, int contractYear, long amount) throws Exception {
    Response paid = http.post("/api/deal-registrations/" + dealId + "/payments", "{\"paidOn\":\"" + today()
        + "\",\"amount\":" + amount + ",\"contractYear\":" + contractYear + "}", FIONA);
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    return json.readTree(paid.body());
  }

  /** fiona runs the payout for today's period; its statements are built (the asynchronous job executed). */
  protected String run() throws Exception {
    JsonNode answer = body(http.post("/api/payout-runs", "{}", FIONA));
    assertThat(answer.get("alreadyRan").asBoolean()).as(answer.toString()).isFalse();
    String runId = answer.get("runId").asText();
    executeJobs(runId, null);
    return runId;
  }

  /** Executes the run's due jobs (of one activity, or all). */
  protected void executeJobs(String runId, String activityId) {
    String instanceId = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(runId).singleResult().getId();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instanceId).list()) {
      if ((activityId == null || activityId.equals(job.getFailedActivityId()) || activityId.equals(
          engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
              .singleResult().getActivityId())) && (job.getDuedate() == null
          || !job.getDuedate().after(ClockUtil.getCurrentTime()))) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  /** Puts what earlier tests left payable on statements, so that this test's runs hold only its own amounts. */
  protected void sweep() throws Exception {
    String runId = run();
    if (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(runId)
        .taskDefinitionKey("ApprovePayoutRun").count() > 0) {
      active.complete(runId, "ApprovePayoutRun", "lena", Map.of("payoutDecision", "APPROVE"));
    }
  }

  protected JsonNode statements(Partner partner) throws Exception {
    return body(http.get("/api/partners/" + partner.id() + "/statements", keyOf(partner.id())));
  }

  protected JsonNode statement(String statementId, String[] who) throws Exception {
    return body(http.get("/api/statements/" + statementId, who));
  }

  protected JsonNode ledger(Partner partner) throws Exception {
    return body(http.get("/api/partners/" + partner.id() + "/ledger", MARY));
  }

  private static List<String> statusesOf(JsonNode ledger, String dealId) {
    List<String> statuses = new ArrayList<>();
    ledger.forEach(e -> {
      if (e.get("dealId").asText().equals(dealId)) {
        statuses.add(e.get("kind").asText() + " " + (e.get("contractYear").isNull() ? "-" : e.get("contractYear")
            .asText()) + " " + e.get("amount").decimalValue().setScale(2).toPlainString() + " "
            + e.get("status").asText());
      }
    });
    return statuses;
  }

  /**
   * Must show: "A WON 36-month referral deal is not payable until the customer's year-1 payment is recorded and 30
   * days have passed (moving the engine clock); then it appears on the next statement; year 2's share only after year
   * 2's payment." Seed 001 lines 1961-1963 ("Deal signed → Accrue commission; First payment received → Pay
   * commission"), line 345 ("30-day refund holdback"), lines 1927-1932 (scenario 2: year 1 and year 2 commission).
   */
  @Test
  void a36MonthReferralIsPayableYearByYearAfterEachCustomerPaymentAndItsHoldback() throws Exception {
    at("2032-01-05");
    sweep();
    Partner partner = partner();
    String deal = wonDeal(partner, 72000, 36);
    assertThat(statusesOf(ledger(partner), deal)).containsExactly("REVENUE_SHARE 1 2400.00 ACCRUED",
        "REVENUE_SHARE 2 2400.00 ACCRUED", "REVENUE_SHARE 3 2400.00 ACCRUED");

    at("2032-02-01");
    run();
    assertThat(statements(partner)).as("nothing is payable before the customer pays").isEmpty();

    // Only finance records customer payments.
    String payment = "{\"paidOn\":\"" + today() + "\",\"amount\":24000,\"contractYear\":1}";
    assertThat(http.post("/api/deal-registrations/" + deal + "/payments", payment, MARY).status()).isEqualTo(403);
    assertThat(http.post("/api/deal-registrations/" + deal + "/payments", payment, keyOf(partner.id())).status())
        .isEqualTo(403);
    assertThat(http.post("/api/deal-registrations/" + deal + "/payments", payment, ADA).status()).isEqualTo(403);
    assertThat(http.post("/api/deal-registrations/" + deal + "/payments", payment, LENA).status()).isEqualTo(403);
    JsonNode year1 = pay(deal, 1, 24000);
    assertThat(year1.get("payableOn").asText()).isEqualTo(today().plusDays(30).toString());
    assertThat(year1.get("share").decimalValue()).isEqualByComparingTo("2400.00");

    at("2032-03-01");
    run();
    assertThat(statements(partner)).as("29 days later: still in the refund holdback").isEmpty();
    assertThat(statusesOf(ledger(partner), deal)).first().isEqualTo("REVENUE_SHARE 1 2400.00 ACCRUED");

    at("2032-04-02");
    assertThat(statusesOf(ledger(partner), deal)).first().isEqualTo("REVENUE_SHARE 1 2400.00 PAYABLE");
    run();
    JsonNode rows = statements(partner);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo("ISSUED");
    assertThat(rows.get(0).get("total").decimalValue()).isEqualByComparingTo("2400.00");
    assertThat(rows.get(0).get("dueDate").asText()).isEqualTo("2032-05-02");
    JsonNode statement = statement(rows.get(0).get("statementId").asText(), keyOf(partner.id()));
    assertThat(statement.get("lines")).hasSize(1);
    JsonNode line = statement.get("lines").get(0);
    assertThat(line.get("dealId").asText()).isEqualTo(deal);
    assertThat(line.get("contractYear").asInt()).isEqualTo(1);
    assertThat(line.get("rule").asText()).isEqualTo("payout.contractYears");
    assertThat(line.get("ruleResultId").asLong()).isPositive();
    assertThat(line.get("termsVersion").asText()).isEqualTo("2026-12-01");
    assertThat(statusesOf(ledger(partner), deal)).containsExactly("REVENUE_SHARE 1 2400.00 ON_STATEMENT",
        "REVENUE_SHARE 2 2400.00 ACCRUED", "REVENUE_SHARE 3 2400.00 ACCRUED");

    // Year 2 starts in January 2033; until its payment is recorded, nothing of it is paid.
    at("2033-01-06");
    run();
    assertThat(statements(partner)).hasSize(1);
    pay(deal, 2, 24000);
    at("2033-02-06");
    run();
    rows = statements(partner);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("total").decimalValue()).isEqualByComparingTo("2400.00");
    assertThat(statement(rows.get(0).get("statementId").asText(), MARY).get("lines").get(0).get("contractYear")
        .asInt()).isEqualTo(2);
    assertThat(statusesOf(ledger(partner), deal)).last().isEqualTo("REVENUE_SHARE 3 2400.00 ACCRUED");
    // A payment for a year the deal does not have, or twice for one year, is refused; nothing is stored.
    Response noSuchYear = http.post("/api/deal-registrations/" + deal + "/payments", "{\"paidOn\":\"" + today()
        + "\",\"amount\":24000,\"contractYear\":4}", FIONA);
    assertThat(noSuchYear.status()).isEqualTo(400);
    assertThat(noSuchYear.body()).contains("\"contractYear\"");
    assertThat(http.post("/api/deal-registrations/" + deal + "/payments", "{\"paidOn\":\"" + today()
        + "\",\"amount\":24000,\"contractYear\":2}", FIONA).status()).isEqualTo(409);
    assertThat(body(http.get("/api/deal-registrations/" + deal + "/payments", keyOf(partner.id())))).hasSize(2);
  }

  /**
   * Must show: "A partner whose net is $40 gets no statement that month, and the $40 is carried forward to the next"
   * (seed 001 line 325, "Paid monthly, $50 minimum payout"); "A clawback reduces the partner's next statement; a
   * negative net is carried forward, never paid" (seed 001 lines 1972-1975, the clawback bands).
   */
  @Test
  void fortyDollarsAreCarriedForwardAClawbackReducesTheNextStatementAndANegativeNetIsNeverPaid() throws Exception {
    at("2034-01-05");
    sweep();
    Partner small = partner();
    Partner churned = partner();
    String forty = wonDeal(small, 400, 12);
    pay(forty, 1, 400);
    String kept = wonDeal(churned, 48000, 12);
    String lost = wonDeal(churned, 24000, 12);
    pay(kept, 1, 48000);
    pay(lost, 1, 24000);

    at("2034-02-10");
    run();
    JsonNode rows = statements(small);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo("CARRIED_FORWARD");
    assertThat(rows.get(0).get("statementId").isNull()).isTrue();
    assertThat(rows.get(0).get("carriedForward").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(rows.get(0).get("explanation").asText()).contains("under the $50.00 minimum payout");
    String churnedStatement = statements(churned).get(0).get("statementId").asText();
    assertThat(statement(churnedStatement, MARY).get("statement").get("total").decimalValue())
        .isEqualByComparingTo("7200.00");
    assertThat(http.post("/api/statements/" + churnedStatement + "/payment", "{\"paidOn\":\"" + today()
        + "\",\"reference\":\"WIRE-7200\"}", FIONA).status()).isEqualTo(200);

    // Next month: $200 more for the small partner; the $40 comes back with it.
    String more = wonDeal(small, 2000, 12);
    pay(more, 1, 2000);
    // The customer of the $24,000 deal cancels 69 days after the close: 50 % of the paid $2,400 is clawed back.
    at("2034-03-15");
    Response clawback = http.post("/api/deal-registrations/" + lost + "/cancellation", "{\"cancelledOn\":\"" + today()
        + "\",\"reason\":\"Customer left\"}", MARY);
    assertThat(clawback.status()).as(clawback.body()).isEqualTo(200);
    assertThat(body(clawback).get("amount").decimalValue()).isEqualByComparingTo("-1200.00");
    String bigger = wonDeal(churned, 36000, 12);
    pay(bigger, 1, 36000);
    at("2034-04-16");
    run();
    rows = statements(small);
    assertThat(rows.get(0).get("status").asText()).isEqualTo("ISSUED");
    assertThat(rows.get(0).get("total").decimalValue()).isEqualByComparingTo("240.00");
    assertThat(rows.get(0).get("carriedForward").decimalValue()).isEqualByComparingTo("40.00");
    JsonNode reduced = statements(churned).get(0);
    assertThat(reduced.get("total").decimalValue()).as("$3,600 less the $1,200 clawback")
        .isEqualByComparingTo("2400.00");
    JsonNode lines = statement(reduced.get("statementId").asText(), keyOf(churned.id())).get("lines");
    assertThat(lines).extracting(l -> l.get("kind").asText() + " " + l.get("amount").decimalValue().setScale(2)
        .toPlainString())
        .containsExactlyInAnyOrder("REVENUE_SHARE 3600.00", "CLAWBACK -1200.00");
    assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("CLAWBACK")).singleElement()
        .satisfies(l -> assertThat(l.get("rule").asText()).isEqualTo("payout.clawback"));

    // The $48,000 deal's customer cancels too, 116 days after the close (pro-rated: (180 - 116) / 180 of $4,800 =
    // $1,706.67), with nothing payable this month.
    at("2034-05-01");
    assertThat(http.post("/api/deal-registrations/" + kept + "/cancellation", "{\"cancelledOn\":\"" + today()
        + "\",\"reason\":\"Customer left\"}", MARY).status()).isEqualTo(200);
    at("2034-05-20");
    run();
    rows = statements(churned);
    assertThat(rows.get(0).get("status").asText()).isEqualTo("CARRIED_FORWARD");
    assertThat(rows.get(0).get("carriedForward").decimalValue()).isEqualByComparingTo("-1706.67");
    assertThat(rows.get(0).get("explanation").asText()).contains("never paid");
    assertThat(rows).filteredOn(r -> r.get("status").asText().equals("ISSUED")).hasSize(1);
    // The negative net is netted against future commission, never paid.
    String later = wonDeal(churned, 30000, 12);
    pay(later, 1, 30000);
    at("2034-06-21");
    run();
    JsonNode after = statements(churned).get(0);
    assertThat(after.get("total").decimalValue()).isEqualByComparingTo("1293.33");
    assertThat(after.get("carriedForward").decimalValue()).isEqualByComparingTo("-1706.67");
  }

  /**
   * Must show: "A run totalling $50,000 or more waits for leadership; a statement unpaid at Net 30 opens a task for
   * finance"; "A partner cannot read another partner's statement (404); the statement CSV reconciles with the
   * ledger". Through Tasklist's own REST root: lena approves the run, fiona completes ChaseOverdueStatement; ada and
   * mary complete nothing.
   */
  @Test
  void aLargeRunWaitsForLenaAndAnOverdueStatementForFionaInTasklist() throws Exception {
    at("2035-01-05");
    sweep();
    Partner partner = partner();
    Partner other = partner();
    String deal = wonDeal(partner, 600000, 12);
    pay(deal, 1, 600000);
    String small = wonDeal(other, 12000, 12);
    pay(small, 1, 12000);
    at("2035-02-06");

    // Who may run payouts: finance (and the admin) only; a retry with the same key answers the same run.
    for (String[] refused : List.of(MARY, LENA, ADA, keyOf(partner.id()))) {
      assertThat(http.post("/api/payout-runs", "{}", refused).status()).isEqualTo(403);
    }
    assertThat(http.post("/api/payout-runs", "{\"statementDate\":\"2099-01-01\"}", FIONA).body())
        .contains("\"statementDate\"");
    Response first = withKey("/api/payout-runs", "{}", "run-2035-02", FIONA);
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    String runId = json.readTree(first.body()).get("runId").asText();
    Response replay = withKey("/api/payout-runs", "{}", "run-2035-02", FIONA);
    assertThat(json.readTree(replay.body()).get("runId").asText()).isEqualTo(runId);
    JsonNode again = body(http.post("/api/payout-runs", "{}", FIONA));
    assertThat(again.get("runId").asText()).isEqualTo(runId);
    assertThat(again.get("alreadyRan").asBoolean()).isTrue();
    executeJobs(runId, null);

    for (String[] reader : List.of(FIONA, LENA, ADA)) {
      assertThat(http.get("/api/payout-runs/" + runId, reader).status()).isEqualTo(200);
    }
    assertThat(http.get("/api/payout-runs/" + runId, MARY).status()).isEqualTo(403);
    assertThat(http.get("/api/payout-runs/" + runId, keyOf(partner.id())).status()).isEqualTo(403);
    JsonNode run = body(http.get("/api/payout-runs/" + runId, FIONA)).get("run");
    assertThat(run.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(run.get("statementTotal").decimalValue()).isEqualByComparingTo("61200.00");

    // lena approves in Tasklist; mary (not leadership) and ada (auditor) cannot complete the task.
    String approval = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(runId)
        .taskDefinitionKey("ApprovePayoutRun").singleResult().getId();
    assertThat(http.post("/engine-rest/task/" + approval + "/complete", "{\"variables\":{\"payoutDecision\":"
        + "{\"value\":\"APPROVE\"}}}", ADA).status()).isEqualTo(403);
    WebappSession mary = WebappSession.tasklist(port, "mary");
    assertThat(mary.enginePost("/task/" + approval + "/complete", "{\"variables\":{\"payoutDecision\":"
        + "{\"value\":\"APPROVE\"}}}").status()).isIn(403, 404);
    WebappSession lena = WebappSession.tasklist(port, "lena");
    JsonNode shown = json.readTree(lena.engineGet("/task/" + approval + "/form-variables").body());
    assertThat(shown.path("runTotalText").path("value").asText()).isEqualTo("$61,200.00");
    assertThat(lena.enginePost("/task/" + approval + "/claim", "{\"userId\":\"lena\"}").status()).isEqualTo(204);
    Response noReason = lena.enginePost("/task/" + approval + "/submit-form", "{\"variables\":{\"payoutDecision\":"
        + "{\"value\":\"REJECT\"}}}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("payoutReason");
    Response approved = lena.enginePost("/task/" + approval + "/submit-form", "{\"variables\":{\"payoutDecision\":"
        + "{\"value\":\"APPROVE\"}}}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(body(http.get("/api/payout-runs/" + runId, LENA)).get("run").get("status").asText())
        .isEqualTo("ISSUED");

    // Partners see their own statements only; another's statement and list are 404.
    String statementId = statements(partner).get(0).get("statementId").asText();
    String othersId = statements(other).get(0).get("statementId").asText();
    assertThat(http.get("/api/statements/" + othersId, keyOf(partner.id())).status()).isEqualTo(404);
    assertThat(http.get("/api/statements/" + othersId + "?format=csv", keyOf(partner.id())).status()).isEqualTo(404);
    assertThat(http.get("/api/partners/" + other.id() + "/statements", keyOf(partner.id())).status()).isEqualTo(404);
    assertThat(http.get("/api/statements/" + statementId, keyOf(partner.id())).status()).isEqualTo(200);

    // The CSV reconciles with the ledger: every line is a ledger entry with its amount, and they add up to the total.
    Response csv = http.get("/api/statements/" + statementId + "?format=csv", keyOf(partner.id()));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    Map<String, BigDecimal> ledgerAmounts = new java.util.HashMap<>();
    ledger(partner).forEach(e -> ledgerAmounts.put(e.get("id").asText(), e.get("amount").decimalValue()));
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal total = null;
    String[] csvLines = csv.body().split("\n");
    assertThat(csvLines[0]).startsWith("statementId,statementDate,dueDate,partnerId,line,dealId");
    for (int i = 1; i < csvLines.length; i++) {
      List<String> cells = cells(csvLines[i]);
      if (cells.get(8).equals("TOTAL")) {
        total = new BigDecimal(cells.get(10));
        continue;
      }
      assertThat(new BigDecimal(cells.get(10))).isEqualByComparingTo(ledgerAmounts.get(cells.get(7)));
      assertThat(cells.get(5)).isEqualTo(deal);
      assertThat(cells.get(11)).isEqualTo("2026-12-01");
      assertThat(cells.get(12)).isNotEmpty();
      sum = sum.add(new BigDecimal(cells.get(10)));
    }
    assertThat(total).isEqualByComparingTo("60000.00").isEqualByComparingTo(sum);

    // Unpaid at Net 30: fiona's task, completed in Tasklist; the other statement was paid through the API in time.
    Response paid = http.post("/api/statements/" + othersId + "/payment", "{\"paidOn\":\"" + today()
        + "\",\"reference\":\"WIRE-1200\"}", FIONA);
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(http.post("/api/statements/" + statementId + "/payment", "{\"paidOn\":\"" + today()
        + "\",\"reference\":\"X\"}", MARY).status()).isEqualTo(403);
    assertThat(http.post("/api/statements/" + statementId + "/payment", "{\"paidOn\":\"" + today()
        + "\",\"reference\":\"X\"}", keyOf(partner.id())).status()).isEqualTo(403);
    at("2035-03-09");
    executeJobs(runId, "DueDatePassed");
    List<org.camunda.bpm.engine.task.Task> chases = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(runId).taskDefinitionKey("ChaseOverdueStatement").list();
    assertThat(chases).hasSize(1);
    String chase = chases.get(0).getId();
    assertThat(chases.get(0).getName()).isEqualTo("Pay overdue statement — " + partner.companyName()
        + ", $60,000.00");
    assertThat(engine.getTaskService().createTaskQuery().taskId(chase).taskCandidateGroup("finance").count())
        .isEqualTo(1);
    assertThat(http.post("/engine-rest/task/" + chase + "/complete", "{}", ADA).status()).isEqualTo(403);
    WebappSession fiona = WebappSession.tasklist(port, "fiona");
    assertThat(fiona.loginStatus()).isEqualTo(200);
    assertThat(fiona.enginePost("/task/" + chase + "/claim", "{\"userId\":\"fiona\"}").status()).isEqualTo(204);
    Response invented = fiona.enginePost("/task/" + chase + "/submit-form", "{\"variables\":{\"chaseDecision\":"
        + "{\"value\":\"PAID\"},\"statementTotal\":{\"value\":\"1\"}}}");
    assertThat(invented.status()).isEqualTo(400);
    Response done = fiona.enginePost("/task/" + chase + "/submit-form", "{\"variables\":{\"chaseDecision\":"
        + "{\"value\":\"PAID\"},\"paidOn\":{\"value\":\"" + today() + "\"},\"paymentReference\":{\"value\":"
        + "\"WIRE-60000\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    JsonNode settled = statement(statementId, keyOf(partner.id())).get("statement");
    assertThat(settled.get("status").asText()).isEqualTo("PAID");
    assertThat(settled.get("paymentReference").asText()).isEqualTo("WIRE-60000");
    assertThat(statusesOf(ledger(partner), deal)).containsExactly("REVENUE_SHARE 1 60000.00 PAID");

    // Auditors see statements and payments in the partner's timeline.
    String timeline = http.get("/api/audit/partners/" + partner.id(), ADA).body();
    assertThat(timeline).contains("statement.built", "statement.paid", "WIRE-60000");
    assertThat(http.get("/api/audit/deal-registrations/" + deal, ADA).body()).contains("payment.customer");
  }

  /** statement.issued and statement.paid are told once each (a repeated payment tells nothing again). */
  @Test
  void statementIssuedAndPaidAreToldOnceEach() throws Exception {
    at("2036-01-05");
    sweep();
    Partner partner = partner();
    String deal = wonDeal(partner, 12000, 12);
    pay(deal, 1, 12000);
    at("2036-02-06");
    run();
    String statementId = statements(partner).get(0).get("statementId").asText();
    String payment = "{\"paidOn\":\"" + today() + "\",\"reference\":\"WIRE-ONCE\"}";
    assertThat(http.post("/api/statements/" + statementId + "/payment", payment, FIONA).status()).isEqualTo(200);
    assertThat(http.post("/api/statements/" + statementId + "/payment", payment, FIONA).status()).isEqualTo(200);
    assertThat(http.post("/api/statements/" + statementId + "/payment", "{\"paidOn\":\"" + today()
        + "\",\"reference\":\"OTHER\"}", FIONA).status()).isEqualTo(409);
    // Once each; not in order of occurred_at, which follows the engine clock the test moved for the run.
    assertThat(jdbc.queryForList("SELECT event FROM partner_event WHERE partner_id = ?", String.class, partner.id()))
        .containsOnlyOnce("statement.issued", "statement.paid")
        .filteredOn(e -> e.startsWith("statement.")).hasSize(2);
    JsonNode mails = body(http.get("/api/partners/" + partner.id() + "/notifications?channel=EMAIL",
        keyOf(partner.id()))).get("items");
    List<String> templates = new ArrayList<>();
    mails.forEach(m -> templates.add(m.toString()));
    assertThat(templates.stream().filter(t -> t.contains("statement.issued")).count()).isEqualTo(1);
    assertThat(templates.stream().filter(t -> t.contains("statement.paid")).count()).isEqualTo(1);
  }

  @Test
  void badPaymentsAreRefusedWithEveryWrongFieldNamedAndNothingStored() throws Exception {
    at("2037-01-05");
    Partner partner = partner();
    String deal = wonDeal(partner, 12000, 12);
    int before = jdbc.queryForObject("SELECT count(*) FROM customer_payment", Integer.class);
    Response wrong = http.post("/api/deal-registrations/" + deal + "/payments", "{\"paidOn\":\"soon\",\"amount\":"
        + "\"12000\",\"contractYear\":1.5}", FIONA);
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("\"paidOn\"", "\"amount\"", "\"contractYear\"");
    Response future = http.post("/api/deal-registrations/" + deal + "/payments", "{\"paidOn\":\""
        + today().plusDays(1) + "\",\"amount\":-5,\"contractYear\":0}", FIONA);
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("\"amount\"", "\"contractYear\"");
    Response tomorrow = http.post("/api/deal-registrations/" + deal + "/payments", "{\"paidOn\":\""
        + today().plusDays(1) + "\",\"amount\":5,\"contractYear\":2}", FIONA);
    assertThat(tomorrow.body()).contains("\"paidOn\"", "\"contractYear\"");
    assertThat(http.post("/api/deal-registrations/D-NOPE/payments", "{\"paidOn\":\"" + today()
        + "\",\"amount\":5,\"contractYear\":1}", FIONA).status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_payment", Integer.class)).isEqualTo(before);
    assertThat(http.post("/api/statements/ST-NOPE/payment", "{\"paidOn\":\"" + today() + "\",\"reference\":\"R\"}",
        FIONA).status()).isEqualTo(404);
    assertThat(http.post("/api/statements/ST-NOPE/payment", "{\"paidOn\":1}", FIONA).body())
        .contains("\"paidOn\"", "\"reference\"");
    assertThat(http.get("/api/partners/P-NOPE/statements", MARY).status()).isEqualTo(404);
  }

  private Response withKey(String path, String body, String key, String[] user) {
    return http.send(http.builder(path).header("Content-Type", "application/json").header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user[0] + ":" + user[1]).getBytes())).header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The cells of one CSV row (RFC 4180 quoting). */
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
