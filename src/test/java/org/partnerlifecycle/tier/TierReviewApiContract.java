package org.partnerlifecycle.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;

/** Tier review endpoints over HTTP: roles, validation, and the partner's view of its own tier history. */
abstract class TierReviewApiContract extends ApiContract {

  static final String COMMITMENTS = "{\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\","
      + "\"managementMeetingsHeld\":24,\"ceoMeetingsHeld\":0,\"cSuiteMeetingsHeld\":2,\"enablementSessionsHeld\":2,"
      + "\"certifiedFieldPercent\":75,\"businessPlanAgreed\":true,\"nps\":30,\"strategicFit\":\"STRONG\"}";

  Partner partner() {
    return active.active("Tier Api Co", "tier-api-" + System.nanoTime() + ".example", "REFERRAL", "150000");
  }

  int commitmentRows(Partner partner) {
    return jdbc.queryForObject("SELECT count(*) FROM partner_commitment WHERE partner_id = ?", Integer.class,
        partner.id());
  }

  @Test
  void partnerManagersRecordCommitmentsAndNobodyElse() {
    Partner partner = partner();
    String path = "/api/partners/" + partner.id() + "/commitments";
    String[] key = {"Bearer", apiKeys.issue(partner.id(), "mary").apiKey()};
    assertThat(http.put(path, COMMITMENTS, ADA).status()).isEqualTo(403);
    assertThat(http.put(path, COMMITMENTS, LENA).status()).isEqualTo(403);
    assertThat(http.put(path, COMMITMENTS, key).status()).isEqualTo(403);
    Response negative = http.put(path, COMMITMENTS.replace("\"ceoMeetingsHeld\":0", "\"ceoMeetingsHeld\":-1"), MARY);
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body()).contains("\"field\":\"ceoMeetingsHeld\"");
    Response backwards = http.put(path, COMMITMENTS.replace("2026-12-31", "2025-12-31"), MARY);
    assertThat(backwards.body()).contains("\"field\":\"periodEnd\"");
    assertThat(http.put(path, COMMITMENTS.replace("75", "175"), MARY).body()).contains("certifiedFieldPercent");
    assertThat(http.put(path, COMMITMENTS.replace("STRONG", "GREAT"), MARY).body()).contains("strategicFit");
    assertThat(commitmentRows(partner)).isZero();
    assertThat(http.put(path, COMMITMENTS, MARY).status()).isEqualTo(204);
    assertThat(http.put(path, COMMITMENTS, MARY).status()).as("the same period is replaced").isEqualTo(204);
    assertThat(commitmentRows(partner)).isEqualTo(1);
  }

  @Test
  void reviewsStartOnDemandForPartnerManagersOnly() throws Exception {
    Partner partner = partner();
    String body = "{\"partnerId\":\"" + partner.id() + "\"}";
    assertThat(http.post("/api/tier-reviews", body, ADA).status()).isEqualTo(403);
    assertThat(http.post("/api/tier-reviews", body, LENA).status()).isEqualTo(403);
    assertThat(http.post("/api/tier-reviews", "{\"partnerId\":\"nope\"}", MARY).status()).isEqualTo(400);
    assertThat(http.post("/api/tier-reviews", body, MARY).status()).isEqualTo(202);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("tier-review")
        .processInstanceBusinessKey(partner.id()).count()).isEqualTo(1);
    assertThat(http.post("/api/tier-reviews", body, MARY).status()).as("one review at a time").isEqualTo(409);
    sealAudit();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE subject_id = ? AND action = "
        + "'partner.tierReviewRequested'", Integer.class, partner.id())).as("the refused request is not audited")
        .isEqualTo(1);
    assertThat(http.post("/api/tier-reviews", "{}", MARY).status()).isEqualTo(202);
  }

  @Test
  void theTierHistoryIsVisibleToStaffAndThePartnerOnly() {
    Partner partner = partner();
    Partner other = partner();
    String path = "/api/partners/" + partner.id() + "/tier-history";
    assertThat(http.get(path, ADA).status()).isEqualTo(200);
    assertThat(http.get(path, "Bearer", apiKeys.issue(partner.id(), "mary").apiKey()).status()).isEqualTo(200);
    assertThat(http.get(path, "Bearer", apiKeys.issue(other.id(), "mary").apiKey()).status()).isEqualTo(404);
    assertThat(http.get(path).status()).isEqualTo(401);
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  /** The year's commitments with every GROWTH standard of the guide (seed 000 line 222), ending yesterday. */
  private String growthYear() {
    return "{\"periodStart\":\"" + today().minusMonths(12).plusDays(1) + "\",\"periodEnd\":\"" + today().minusDays(1)
        + "\",\"managementMeetingsHeld\":24,\"ceoMeetingsHeld\":0,\"cSuiteMeetingsHeld\":2,"
        + "\"enablementSessionsHeld\":2,\"certifiedFieldPercent\":75,\"businessPlanAgreed\":true,\"nps\":30,"
        + "\"strategicFit\":\"STRONG\",\"commissionQuotaRelief\":true}";
  }

  private long reviews(Partner partner) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("tier-review")
        .processInstanceBusinessKey(partner.id()).count();
  }

  /** Runs the review's asynchronous evaluation, as the job executor would. */
  private void runReviewJobs(Partner partner) {
    engine.getManagementService().createJobQuery().processDefinitionKey("tier-review").list().stream()
        .filter(job -> partner.id().equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private Task openTask(Partner partner, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(partner.id()).taskDefinitionKey(key)
        .singleResult();
  }

  /**
   * Must show (issue 22): a manager's upward placement change (SPEC §3 amendments) waits for leadership's
   * ApproveTierChange and cannot be approved by its proposer; only partner managers propose; bad input names every
   * wrong field and stores nothing.
   */
  @Test
  void aManagersUpwardPlacementChangeWaitsForLeadership() throws Exception {
    Partner partner = partner();
    String path = "/api/partners/" + partner.id() + "/tier-changes";
    String body = "{\"tier\":\"STRATEGIC\",\"reason\":\"Signed a global reseller agreement\"}";
    assertThat(http.post(path, body).status()).isEqualTo(401);
    assertThat(http.post(path, body, ADA).status()).isEqualTo(403);
    assertThat(http.post(path, body, LENA).status()).isEqualTo(403);
    assertThat(http.post(path, body, keyOf(partner.id())).status()).isEqualTo(403);
    Response empty = http.post(path, "{}", MARY);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("\"field\":\"tier\"").contains("\"field\":\"reason\"");
    Response wrong = http.post(path, "{\"tier\":\"PLATINUM\",\"reason\":\"\",\"extra\":1}", MARY);
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("\"field\":\"tier\"").contains("\"field\":\"reason\"")
        .contains("\"field\":\"extra\"");
    Response same = http.post(path, "{\"tier\":\"GROWTH\",\"reason\":\"no change\"}", MARY);
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.body()).contains("\"field\":\"tier\"").contains("already GROWTH");
    assertThat(http.post("/api/partners/P-NOPE1/tier-changes", body, MARY).status()).isEqualTo(404);
    assertThat(reviews(partner)).as("nothing started by a refused request").isZero();

    Response accepted = http.send(http.builder(path).header("Content-Type", "application/json")
        .header("Authorization", basic(MARY)).header("Idempotency-Key", "move-up-1")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(body(accepted).get("reviewId").asText()).isNotBlank();
    Response replayed = http.send(http.builder(path).header("Content-Type", "application/json")
        .header("Authorization", basic(MARY)).header("Idempotency-Key", "move-up-1")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    assertThat(replayed.status()).as("a retry with the same Idempotency-Key").isEqualTo(202);
    assertThat(body(replayed).get("reviewId").asText()).isEqualTo(body(accepted).get("reviewId").asText());
    assertThat(reviews(partner)).isEqualTo(1L);
    assertThat(http.post(path, body, MARY).status()).as("one review at a time").isEqualTo(409);
    runReviewJobs(partner);
    Task approval = openTask(partner, "ApproveTierChange");
    assertThat(approval).isNotNull();
    assertThat(openTask(partner, "ConfirmTierChange")).isNull();
    assertThat(partners.get(partner.id()).tier().name()).isEqualTo("GROWTH");
    // The proposer is no leader: Tasklist's REST refuses her the task; leadership approves with a reason.
    String complete = "/engine-rest/task/" + approval.getId() + "/complete";
    String approve = "{\"variables\":{\"leadershipDecision\":{\"value\":\"APPROVE\"},"
        + "\"leadershipReason\":{\"value\":\"A global agreement\"}}}";
    assertThat(http.post(complete, approve, MARY).status()).isIn(403, 404);
    assertThat(http.post(complete, "{\"variables\":{\"leadershipDecision\":{\"value\":\"APPROVE\"}}}", LENA)
        .status()).isEqualTo(400);
    assertThat(http.post(complete, approve, LENA).status()).isEqualTo(204);
    assertThat(partners.get(partner.id()).tier().name()).isEqualTo("STRATEGIC");
    JsonNode history = body(http.get("/api/partners/" + partner.id() + "/tier-history", MARY));
    assertThat(history.get(0).get("reason").asText()).contains("manual placement change: Signed a global reseller")
        .contains("leadership APPROVE: A global agreement");
    assertThat(history.get(0).get("decidedBy").asText()).isEqualTo("lena");
  }

  /**
   * GET /api/partners/{id}/health: the last review's score, band and factors; staff and that partner only. A partner
   * on watch shows it, with its re-review date, in GET /api/partners/{id}.
   */
  @Test
  void theHealthOfTheLastReviewAndTheWatchAreReadable() throws Exception {
    Partner partner = partner();
    Partner other = partner();
    String health = "/api/partners/" + partner.id() + "/health";
    assertThat(http.get(health, MARY).status()).as("no health computed yet").isEqualTo(404);
    assertThat(http.put("/api/partners/" + partner.id() + "/commitments", growthYear(), MARY).status()).isEqualTo(204);
    assertThat(http.post("/api/tier-reviews", "{\"partnerId\":\"" + partner.id() + "\"}", MARY).status())
        .isEqualTo(202);
    runReviewJobs(partner);
    JsonNode read = body(http.get(health, ADA));
    assertThat(read.get("score").asInt()).isBetween(0, 100);
    assertThat(read.get("band").asText()).isNotBlank();
    assertThat(read.get("termsVersion").asText()).isEqualTo("2026-12-01");
    assertThat(read.get("computedAt").asText()).isNotBlank();
    assertThat(read.get("explanation").asText()).startsWith("Health score " + read.get("score").asInt() + " of 100");
    assertThat(read.get("factors")).hasSize(5);
    assertThat(read.get("factors").get(0).get("factor").asText()).isEqualTo("REVENUE");
    assertThat(read.get("factors").get(0).get("max").asInt()).isEqualTo(30);
    assertThat(read.get("factors").get(4).get("input").asText()).isEqualTo("strategic fit STRONG");
    assertThat(http.get(health, keyOf(partner.id())).status()).isEqualTo(200);
    assertThat(http.get(health, keyOf(other.id())).status()).isEqualTo(404);
    assertThat(http.get(health).status()).isEqualTo(401);

    // No revenue: GROWTH below its threshold, on watch for a quarter (playbook, seed 001 line 1449).
    JsonNode view = body(http.get("/api/partners/" + partner.id(), MARY));
    assertThat(view.get("onWatch").asBoolean()).isTrue();
    assertThat(view.get("reReviewDue").asText()).isEqualTo(today().plusMonths(3).toString());
    assertThat(body(http.get("/api/partners/" + other.id(), MARY)).get("onWatch").asBoolean()).isFalse();
  }

  /** Must show (issue 22): a review with nothing recorded opens RecordCommitments and raises no breach. */
  @Test
  void aReviewWithoutCommitmentsAsksTheManagerAndRaisesNoBreach() {
    Partner partner = partner();
    assertThat(http.post("/api/tier-reviews", "{\"partnerId\":\"" + partner.id() + "\"}", MARY).status())
        .isEqualTo(202);
    runReviewJobs(partner);
    Task task = openTask(partner, "RecordCommitments");
    assertThat(task).isNotNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).anySatisfy(link ->
        assertThat(link.getGroupId()).isEqualTo("partner-managers"));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM compliance_breach WHERE partner_id = ?", Integer.class,
        partner.id())).isZero();
    String complete = "/engine-rest/task/" + task.getId() + "/complete";
    String form = "{\"variables\":{\"periodStart\":{\"value\":\"" + today().minusMonths(12).plusDays(1) + "\"},"
        + "\"periodEnd\":{\"value\":\"" + today().minusDays(1) + "\"},\"managementMeetingsHeld\":{\"value\":24},"
        + "\"ceoMeetingsHeld\":{\"value\":0},\"cSuiteMeetingsHeld\":{\"value\":2},"
        + "\"enablementSessionsHeld\":{\"value\":2},\"certifiedFieldPercent\":{\"value\":75},"
        + "\"businessPlanAgreed\":{\"value\":true},\"commissionQuotaRelief\":{\"value\":true}}}";
    assertThat(http.post(complete, form.replace("\"value\":75", "\"value\":175"), MARY).body())
        .contains("certifiedFieldPercent");
    assertThat(http.post(complete, form.replace("\"businessPlanAgreed\"", "\"failingReviewsAfter\""), MARY).status())
        .isEqualTo(400);
    assertThat(http.post(complete, form, LENA).status()).as("leadership does not record commitments").isIn(403, 404);
    assertThat(http.post(complete, form, ADA).status()).as("auditors change nothing").isIn(403, 404);
    assertThat(http.post(complete, form, MARY).status()).isEqualTo(204);
    runReviewJobs(partner);
    assertThat(openTask(partner, "RecordCommitments")).isNull();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM tier_review WHERE partner_id = ?", Integer.class,
        partner.id())).isEqualTo(1);
  }

  private static String basic(String[] user) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user[0] + ":" + user[1])
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
