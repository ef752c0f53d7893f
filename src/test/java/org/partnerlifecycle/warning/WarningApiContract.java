package org.partnerlifecycle.warning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;

/** Warning endpoints over HTTP: who may raise, reset and reinstate, and what the partner itself may see. */
abstract class WarningApiContract extends ApiContract {

  static final String BREACH = "{\"category\":\"REPORTING\",\"detail\":\"No quarterly report\"}";

  Partner partner() {
    return active.active("Warn Api Co", "warn-api-" + System.nanoTime() + ".example", "REFERRAL", "150000");
  }

  int escalations(Partner partner) {
    return jdbc.queryForObject("SELECT count(*) FROM warning_escalation WHERE partner_id = ?", Integer.class,
        partner.id());
  }

  @Test
  void onlyPartnerManagersRaiseBreachesAndBadInputIsRefused() {
    Partner partner = partner();
    String path = "/api/partners/" + partner.id() + "/compliance-breaches";
    assertThat(http.post(path, BREACH, ADA).status()).isEqualTo(403);
    assertThat(http.post(path, BREACH, LENA).status()).isEqualTo(403);
    assertThat(http.post(path, BREACH).status()).isEqualTo(401);
    String[] key = {"Bearer", apiKeys.issue(partner.id(), "mary").apiKey()};
    assertThat(http.post(path, BREACH, key).status()).isEqualTo(403);
    Response badCategory = http.post(path, "{\"category\":\"LATE\",\"detail\":\"x\"}", MARY);
    assertThat(badCategory.status()).isEqualTo(400);
    assertThat(badCategory.body()).contains("\"field\":\"category\"");
    assertThat(http.post(path, "{\"category\":\"REPORTING\",\"detail\":\"" + "d".repeat(2001) + "\"}", MARY).body())
        .contains("\"field\":\"detail\"");
    assertThat(escalations(partner)).isZero();
    assertThat(http.post(path, BREACH, MARY).status()).isEqualTo(201);
    assertThat(http.post(path, BREACH, MARY).status()).as("joins the running escalation").isEqualTo(200);
    assertThat(escalations(partner)).isEqualTo(1);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void moveTime(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  LocalDate engineToday() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  /** Moves the engine clock past the 30-day cure period and runs the escalation's timer (no sleeping). */
  void passCurePeriod(Partner partner, String timerId) {
    moveTime(Duration.ofDays(30).plusMinutes(1));
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(
        "warning-escalation").processInstanceBusinessKey(partner.id()).singleResult().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers()
        .activityId(timerId).singleResult();
    assertThat(job).as(timerId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }


  static final String SEND = "{\"warningDecision\":{\"value\":\"SEND\"},\"warningNote\":{\"value\":"
      + "\"Please send your quarterly report\"}}";

  List<String> notifications(Partner partner) {
    return jdbc.queryForList("SELECT template FROM notification_outbox WHERE partner_id = ? ORDER BY id", String.class,
        partner.id());
  }

  /**
   * SPEC §3 amendments, seed 002 line 53 ("Second Warning: Privately stopping referrals to that partner"): the
   * partner is told of level 1 and level 2 and sees its own level; "privately" means not public, so the public
   * directory still lists it.
   */
  @Test
  void atLevelTwoThePartnerSeesItsLevelAndThePauseWhileTheDirectoryStillListsIt() throws Exception {
    Partner partner = partner();
    String[] key = {"Bearer", apiKeys.issue(partner.id(), "mary").apiKey()};
    assertThat(http.post("/api/partners/" + partner.id() + "/compliance-breaches", BREACH, MARY).status())
        .isEqualTo(201);
    completeOverRest(partner.id(), "IssuePrivateWarning", MARY, SEND);
    assertThat(notifications(partner)).contains("warning.issued");
    JsonNode levelOne = json.readTree(http.get("/api/partners/" + partner.id(), key).body());
    assertThat(levelOne.get("warningLevel").asInt()).isEqualTo(1);
    assertThat(levelOne.get("referralsPaused").asBoolean()).isFalse();

    passCurePeriod(partner, "FirstCurePeriodEnded");
    JsonNode ownView = json.readTree(http.get("/api/partners/" + partner.id(), key).body());
    assertThat(ownView.get("warningLevel").asInt()).isEqualTo(2);
    assertThat(ownView.get("referralsPaused").asBoolean()).isTrue();
    assertThat(notifications(partner)).containsSubsequence("warning.issued", "warning.issued");
    assertThat(jdbc.queryForList("SELECT payload FROM notification_outbox WHERE partner_id = ? AND template = ? "
        + "ORDER BY id", String.class, partner.id(), "warning.issued")).last().asString()
        .contains("Second warning: referrals paused");
    assertThat(http.get("/api/directory").body()).as("the public directory changes only on removal")
        .contains(partner.companyName());
    assertThat(http.get("/api/partners/" + partner.id() + "/warning-history", key).status()).isEqualTo(403);
  }

  /** SPEC §3 amendments: IssuePrivateWarning offers DISMISS with a reason (e.g. the breach came from missing data). */
  @Test
  void aBreachFromMissingDataIsDismissedWithAReasonAndNothingIsSent() throws Exception {
    Partner partner = partner();
    http.post("/api/partners/" + partner.id() + "/compliance-breaches", BREACH, MARY);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(partner.id())
        .taskDefinitionKey("IssuePrivateWarning").singleResult().getId();
    http.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"mary\"}", MARY);
    Response noReason = http.post("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"warningDecision\":{\"value\":\"DISMISS\"}}}", MARY);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("dismissReason");
    Response bad = http.post("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"warningDecision\":{\"value\":\"IGNORE\"}}}", MARY);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("warningDecision");
    completeOverRest(partner.id(), "IssuePrivateWarning", MARY, "{\"warningDecision\":{\"value\":\"DISMISS\"},"
        + "\"dismissReason\":{\"value\":\"The report was filed; the breach came from missing data\"}}");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("BreachDismissed")
        .processInstanceId(engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processDefinitionKey("warning-escalation").processInstanceBusinessKey(partner.id()).singleResult()
            .getId()).count()).isEqualTo(1);
    assertThat(partners.get(partner.id()).warningLevel()).isZero();
    assertThat(notifications(partner)).doesNotContain("warning.issued");
    JsonNode history = json.readTree(http.get("/api/partners/" + partner.id() + "/warning-history", MARY).body());
    assertThat(history.toString()).contains("DISMISSED", "missing data");
  }

  /** Registered, approved by mary (rate locked), and — when {@code closedOn} is given — closed WON for $48,000. */
  String approvedDeal(Partner partner, LocalDate closedOn) throws Exception {
    String body = "{\"customerName\":\"Globex\",\"customerDomain\":\"removal-" + System.nanoTime()
        + ".example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\","
        + "\"product\":\"PLUS\",\"estimatedValue\":48000,\"termMonths\":12}";
    String dealId = body(http.post("/api/deal-registrations", body, keyOf(partner.id()))).get("dealId").asText();
    completeOverRest(dealId, "ReviewDealRegistration", MARY, "{\"decision\":{\"value\":\"APPROVE\"}}");
    if (closedOn != null) {
      close(dealId, closedOn);
    }
    return dealId;
  }

  void close(String dealId, LocalDate closedOn) {
    Response closed = http.post("/api/deal-registrations/" + dealId + "/close", "{\"outcome\":\"WON\",\"amount\":48000,"
        + "\"closedOn\":\"" + closedOn + "\"}", MARY);
    assertThat(closed.status()).as(closed.body()).isEqualTo(202);
  }

  /** Through all three levels to leadership's approval of the removal; {@code beforeRemoval} runs at level 3. */
  void removeFor(Partner partner, String category, Runnable beforeRemoval) {
    assertThat(http.post("/api/partners/" + partner.id() + "/compliance-breaches", "{\"category\":\"" + category
        + "\",\"detail\":\"Breach of " + category + "\"}", MARY).status()).isEqualTo(201);
    completeOverRest(partner.id(), "IssuePrivateWarning", MARY, SEND);
    passCurePeriod(partner, "FirstCurePeriodEnded");
    passCurePeriod(partner, "SecondCurePeriodEnded");
    beforeRemoval.run();
    completeOverRest(partner.id(), "ApprovePublicRemoval", LENA, "{\"removalDecision\":{\"value\":\"APPROVE\"},"
        + "\"removalReason\":{\"value\":\"" + category + " not cured\"}}");
    assertThat(partners.get(partner.id()).status().name()).isEqualTo("REMOVED");
  }

  JsonNode ledger(Partner partner) throws Exception {
    return body(http.get("/api/partners/" + partner.id() + "/ledger", MARY));
  }

  /**
   * SPEC §2: "a removal for any other reason changes nothing already approved: a deal whose rate was locked before
   * the removal is still paid when it closes" (seed 001 line 1993: "Changing terms retroactively — Partners lose
   * trust").
   */
  @Test
  void aPartnerRemovedForReportingIsStillPaidForADealApprovedBeforeTheRemoval() throws Exception {
    Partner partner = partner();
    String won = approvedDeal(partner, LocalDate.now(ZoneOffset.UTC));
    String[] approved = new String[1];
    removeFor(partner, "REPORTING", () -> {
      try {
        approved[0] = approvedDeal(partner, null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    close(approved[0], engineToday());
    JsonNode ledger = ledger(partner);
    assertThat(ledger.toString()).doesNotContain("CLAWBACK");
    List<String> paid = new java.util.ArrayList<>();
    ledger.forEach(e -> paid.add(e.get("dealId").asText() + " " + e.get("kind").asText() + " "
        + e.get("amount").decimalValue().setScale(2).toPlainString()));
    assertThat(paid).containsExactly(won + " REVENUE_SHARE 4800.00", approved[0] + " REVENUE_SHARE 4800.00");
    assertThat(ledger.get(1).get("explanation").asText()).contains("before the partner's removal");
  }

  /**
   * Seed 001 line 1977: "Fraudulent referral → Full clawback + termination": what was payable is clawed back in full;
   * what was not payable yet (no customer payment) is cancelled.
   */
  @Test
  void aPartnerRemovedForConductHasEveryPayoutClawedBackInFull() throws Exception {
    Partner partner = partner();
    LocalDate paidOn = LocalDate.now(ZoneOffset.UTC).minusDays(40);
    String first = approvedDeal(partner, paidOn);
    assertThat(http.post("/api/deal-registrations/" + first + "/payments", "{\"paidOn\":\"" + paidOn
        + "\",\"amount\":48000,\"contractYear\":1}", FIONA).status()).isEqualTo(201);
    String second = approvedDeal(partner, LocalDate.now(ZoneOffset.UTC));
    String[] approved = new String[1];
    removeFor(partner, "CONDUCT", () -> {
      try {
        approved[0] = approvedDeal(partner, null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    close(approved[0], engineToday());
    List<String> entries = new java.util.ArrayList<>();
    ledger(partner).forEach(e -> entries.add(e.get("dealId").asText() + " " + e.get("kind").asText() + " "
        + e.get("amount").decimalValue().setScale(2).toPlainString() + " " + e.get("status").asText()));
    assertThat(entries).containsExactly(first + " REVENUE_SHARE 4800.00 PAYABLE",
        second + " REVENUE_SHARE 4800.00 CANCELLED", first + " CLAWBACK -4800.00 OPEN");
    assertThat(body(http.get("/api/deal-registrations/" + approved[0], MARY)).get("reason").asText())
        .contains("CONDUCT");
  }

  @Test
  void goodStandingIsForPartnerManagersAndReinstatementForLeadership() {
    Partner partner = partner();
    String base = "/api/partners/" + partner.id();
    assertThat(http.post(base + "/good-standing", "{\"note\":\"ok\"}", MARY).status()).as("nothing to reset")
        .isEqualTo(409);
    http.post(base + "/compliance-breaches", BREACH, MARY);
    assertThat(http.post(base + "/good-standing", "{\"note\":\"ok\"}", ADA).status()).isEqualTo(403);
    assertThat(http.post(base + "/good-standing", "{\"note\":\"\"}", MARY).status()).isEqualTo(400);
    assertThat(http.post(base + "/good-standing", "{\"note\":\"Report received\"}", MARY).status()).isEqualTo(202);
    assertThat(partners.get(partner.id()).warningLevel()).isZero();
    assertThat(http.post(base + "/reinstatement", "{\"note\":\"x\"}", MARY).status()).isEqualTo(403);
    assertThat(http.post(base + "/reinstatement", "{\"note\":\"x\"}", LENA).status()).as("not removed")
        .isEqualTo(409);
  }
}
