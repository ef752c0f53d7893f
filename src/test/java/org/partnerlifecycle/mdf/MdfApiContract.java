package org.partnerlifecycle.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.WebappSession;

/**
 * Market development funds over HTTP as a new user meets them (issue 29's Must-show items): the partner's API, the
 * task work on /engine-rest and on Tasklist's own REST root, and every role against what it must not do.
 */
abstract class MdfApiContract extends ApiContract {

  static final String[] FIONA = {"fiona", "fiona"};

  Partner partner(String forecast) {
    return active.active("Mdf Api Co", "mdf-api-" + System.nanoTime() + ".example", "REFERRAL", forecast);
  }

  /** Business dates follow the engine's clock (UTC). */
  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  ObjectNode request(String use, String amount) {
    ObjectNode body = json.createObjectNode();
    body.put("activity", "Joint webinar with Globex").put("use", use).put("plannedOn", today().toString())
        .put("expectedLeads", 40);
    body.set("amount", json.getNodeFactory().numberNode(new java.math.BigDecimal(amount)));
    return body;
  }

  Response post(String[] key, String use, String amount) {
    return http.post("/api/mdf-requests", request(use, amount).toString(), key);
  }

  String submitted(String[] key, String amount) throws Exception {
    Response response = post(key, "EVENT", amount);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(body(response).get("status").asText()).isEqualTo("IN_REVIEW");
    return body(response).get("requestId").asText();
  }

  String status(String requestId) throws Exception {
    return body(http.get("/api/mdf-requests/" + requestId, MARY)).get("status").asText();
  }

  int requestRows() {
    return jdbc.queryForObject("SELECT count(*) FROM mdf_request", Integer.class);
  }

  String taskId(String requestId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId)
        .taskDefinitionKey(taskKey).singleResult().getId();
  }

  /**
   * The staff members this class added leave with its test: the application context is shared, and other tests
   * (the browser's manager choice) list the partner managers.
   */
  @org.junit.jupiter.api.AfterEach
  void removeAddedStaff() {
    removeAddedStaff(engine);
  }

  static void removeAddedStaff(org.camunda.bpm.engine.ProcessEngine engine) {
    engine.getIdentityService().createUserQuery().list().stream().map(User::getId).filter(id -> id.startsWith("rex"))
        .forEach(engine.getIdentityService()::deleteUser);
  }

  /** A staff member in partner-managers and leadership, as a small team might have (password = id). */
  static String managerAndLeader(org.camunda.bpm.engine.ProcessEngine engine) {
    String id = "rex" + System.nanoTime();
    User user = engine.getIdentityService().newUser(id);
    user.setFirstName("Rex");
    user.setLastName("Both");
    user.setPassword(id);
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, "partner-managers");
    engine.getIdentityService().createMembership(id, "leadership");
    return id;
  }

  /** Must show: a FOUNDATION partner's request is refused with the reason; a GROWTH request for swag is 400. */
  @Test
  void foundationIsRefusedWithTheReasonAndSwagIsABadRequest() throws Exception {
    Response foundation = post(keyOf(partner("50000").id()), "EVENT", "500");
    assertThat(foundation.status()).as(foundation.body()).isEqualTo(201);
    JsonNode refused = body(foundation);
    assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
    assertThat(refused.get("refusal").asText()).isEqualTo("NOT_ELIGIBLE");
    assertThat(refused.get("reason").asText()).startsWith("FOUNDATION partners are not eligible for MDF");
    assertThat(refused.get("amountLeft").decimalValue()).isEqualByComparingTo("0");

    String[] growth = keyOf(partner("150000").id());
    int before = requestRows();
    Response swag = post(growth, "SWAG", "500");
    assertThat(swag.status()).isEqualTo(400);
    assertThat(swag.contentType()).startsWith("application/problem+json");
    assertThat(json.readTree(swag.body()).get("errors").toString()).contains("\"field\":\"use\"");
    // Every wrong field at once, and nothing stored.
    ObjectNode wrong = request("EVENT", "-5");
    wrong.put("plannedOn", today().minusDays(1).toString()).put("expectedLeads", -1).put("activity", "");
    Response bad = http.post("/api/mdf-requests", wrong.toString(), growth);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"amount\"", "\"field\":\"expectedLeads\"", "\"field\":\"activity\"");
    Response past = http.post("/api/mdf-requests", request("EVENT", "100").put("plannedOn",
        today().minusDays(1).toString()).toString(), growth);
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("\"field\":\"plannedOn\"");
    assertThat(requestRows()).isEqualTo(before);
    // Staff do not request MDF for a partner.
    assertThat(http.post("/api/mdf-requests", request("EVENT", "500").toString(), MARY).status()).isEqualTo(403);
  }

  /**
   * Must show: a GROWTH request of $1,500 is approved by its manager alone; a claim above the approved amount is
   * 400; an approved claim's reimbursement is due 15 days later and shows in GET /api/partners/{id}/mdf; finance
   * records the payment, a partner manager may not; the partner's audit timeline shows the decisions and payment.
   */
  @Test
  void aGrowthRequestIsApprovedByItsManagerAloneClaimedAndReimbursedNetFifteen() throws Exception {
    Partner partner = partner("150000");
    String[] key = keyOf(partner.id());
    String[] otherKey = keyOf(partner("150000").id());
    String requestId = submitted(key, "1500");
    String reviewTask = taskId(requestId, "ReviewMdfRequest");
    assertThat(http.post("/engine-rest/task/" + reviewTask + "/complete",
        "{\"variables\":{\"mdfDecision\":{\"value\":\"APPROVE\"}}}", ADA).status()).isEqualTo(403);
    JsonNode form = json.readTree(http.get("/engine-rest/task/" + reviewTask + "/form-variables", MARY).body());
    assertThat(form.path("amountText").path("value").asText()).isEqualTo("$1,500.00");
    assertThat(form.path("useText").path("value").asText()).isEqualTo("Event");
    assertThat(form.path("partnerName").path("value").asText()).isEqualTo(partner.companyName());
    completeOverRest(requestId, "ReviewMdfRequest", MARY, "{\"mdfDecision\":{\"value\":\"APPROVE\"}}");
    assertThat(status(requestId)).isEqualTo("APPROVED");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(requestId).count()).isZero();

    // The owner reads it; another partner is told it does not exist.
    JsonNode view = body(http.get("/api/mdf-requests/" + requestId, key));
    assertThat(view.get("decisions").toString()).contains("\"action\":\"APPROVED\"", "\"by\":\"mary\"");
    assertThat(http.get("/api/mdf-requests/" + requestId, otherKey).status()).isEqualTo(404);
    assertThat(http.get("/api/partners/" + partner.id() + "/mdf", otherKey).status()).isEqualTo(404);

    String claim = "{\"receiptAmount\":%s,\"leadsGenerated\":30,\"pipelineValue\":90000,"
        + "\"evidenceNote\":\"Attendee list and invoice attached\"}";
    Response above = http.post("/api/mdf-requests/" + requestId + "/claim", claim.formatted("1500.01"), key);
    assertThat(above.status()).isEqualTo(400);
    assertThat(above.body()).contains("\"field\":\"receiptAmount\"");
    assertThat(http.post("/api/mdf-requests/" + requestId + "/claim", claim.formatted("1200"), otherKey).status())
        .isEqualTo(404);
    assertThat(http.post("/api/mdf-requests/" + requestId + "/claim", claim.formatted("1200"), MARY).status())
        .isEqualTo(403);
    assertThat(http.post("/api/mdf-requests/" + requestId + "/claim", claim.formatted("1200"), key).status())
        .isEqualTo(202);
    completeOverRest(requestId, "ReviewMdfClaim", MARY, "{\"claimDecision\":{\"value\":\"APPROVE\"}}");
    assertThat(status(requestId)).isEqualTo("REIMBURSEMENT_DUE");

    JsonNode funds = body(http.get("/api/partners/" + partner.id() + "/mdf", key));
    JsonNode reimbursement = funds.get("reimbursements").get(0);
    assertThat(reimbursement.get("requestId").asText()).isEqualTo(requestId);
    assertThat(reimbursement.get("dueOn").asText()).isEqualTo(today().plusDays(15).toString());
    assertThat(reimbursement.get("status").asText()).isEqualTo("PAYABLE");
    assertThat(reimbursement.get("amount").decimalValue()).isEqualByComparingTo("1200");
    assertThat(funds.get("year").get("budget").decimalValue()).isEqualByComparingTo("5000");
    assertThat(funds.get("year").get("claimed").decimalValue()).isEqualByComparingTo("1200");
    assertThat(funds.get("year").get("remaining").decimalValue()).isEqualByComparingTo("3800");
    assertThat(funds.get("quarter").get("budget").decimalValue()).isEqualByComparingTo("2000");
    assertThat(funds.get("quarter").get("remaining").decimalValue()).isEqualByComparingTo("800");
    // Booked in the partner's ledger, payable now, for the request and no deal.
    JsonNode booked = mdfEntry(partner, key, requestId);
    assertThat(booked.get("kind").asText()).isEqualTo("MDF_REIMBURSEMENT");
    assertThat(booked.get("status").asText()).isEqualTo("PAYABLE");
    assertThat(booked.get("amount").decimalValue()).isEqualByComparingTo("1200");
    assertThat(booked.get("dealId").isNull()).isTrue();
    assertThat(booked.get("explanation").asText()).contains(requestId, "Net 15");
    assertThat(ledger.settleable(today().plusDays(60))).as("finance pays it by its due date, not on a statement")
        .noneMatch(entry -> entry.entryId() == booked.get("id").asLong());

    String payment = "{\"paidOn\":\"" + today() + "\",\"reference\":\"PAY-2026-0042\"}";
    assertThat(http.post("/api/mdf-requests/" + requestId + "/reimbursement-payment", payment, MARY).status())
        .isEqualTo(403);
    assertThat(http.post("/api/mdf-requests/" + requestId + "/reimbursement-payment", payment, key).status())
        .isEqualTo(403);
    assertThat(http.post("/api/mdf-requests/" + requestId + "/reimbursement-payment", payment, FIONA).status())
        .isEqualTo(202);
    assertThat(http.post("/api/mdf-requests/" + requestId + "/reimbursement-payment", payment, FIONA).status())
        .isEqualTo(409);
    assertThat(status(requestId)).isEqualTo("PAID");
    JsonNode paid = body(http.get("/api/partners/" + partner.id() + "/mdf", MARY));
    assertThat(paid.get("year").get("paid").decimalValue()).isEqualByComparingTo("1200");
    assertThat(paid.get("reimbursements").get(0).get("reference").asText()).isEqualTo("PAY-2026-0042");
    assertThat(mdfEntry(partner, key, requestId).get("status").asText()).isEqualTo("PAID");
    // The reimbursement is in the partner's statement history too, beside its commission statements.
    JsonNode history = body(http.get("/api/partners/" + partner.id() + "/statements", key));
    assertThat(history).anySatisfy(row -> {
      assertThat(row.get("kind").asText()).isEqualTo("MDF_REIMBURSEMENT");
      assertThat(row.get("mdfRequestId").asText()).isEqualTo(requestId);
      assertThat(row.get("status").asText()).isEqualTo("PAID");
      assertThat(row.get("total").decimalValue()).isEqualByComparingTo("1200");
    });

    // Told once per decision, by event.
    assertThat(jdbc.queryForList("SELECT event FROM partner_event WHERE partner_id = ? AND event LIKE 'mdf.%' "
        + "ORDER BY occurred_at", String.class, partner.id())).containsExactly("mdf.decided", "mdf.claim_decided");
    // Auditors read the decisions and the payment in the partner's timeline, with the rules' explanations.
    String timeline = http.get("/api/audit/partners/" + partner.id(), ADA).body();
    assertThat(timeline).contains("mdf.REQUESTED", "mdf.APPROVED", "mdf.CLAIMED", "mdf.CLAIM_APPROVED",
        "mdf.REIMBURSEMENT_PAID", "mdf.quarterlyCapLeft", "mdf.reimbursementDue", "mdf.reimbursementPaid");

    // ROI for leadership, auditors and admins: MDF spent against leads and pipeline reported.
    JsonNode roi = body(http.get("/api/program/mdf-roi?from=" + today() + "&to=" + today(), LENA));
    assertThat(roi.get("spent").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("1200"));
    assertThat(roi.get("leadsGenerated").asLong()).isGreaterThanOrEqualTo(30);
    assertThat(http.get("/api/program/mdf-roi", ADA).status()).isEqualTo(200);
    assertThat(http.get("/api/program/mdf-roi", MARY).status()).isEqualTo(403);
    assertThat(http.get("/api/program/mdf-roi", key).status()).isEqualTo(403);
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.partnerlifecycle.deal.Ledger ledger;

  /** The partner's ledger entry for the MDF request's reimbursement, as the partner reads its ledger. */
  private JsonNode mdfEntry(Partner partner, String[] key, String requestId) throws Exception {
    for (JsonNode entry : body(http.get("/api/partners/" + partner.id() + "/ledger", key))) {
      if (requestId.equals(entry.path("mdfRequestId").asText())) {
        return entry;
      }
    }
    throw new AssertionError("no ledger entry for MDF request " + requestId);
  }

  /**
   * Must show: a STRATEGIC request of $6,000 also needs leadership, and the manager who reviewed it cannot approve
   * it as leadership — through Tasklist's own REST root and /engine-rest alike.
   */
  @Test
  void fromFiveThousandLeadershipApprovesButNeverTheManagerWhoReviewed() throws Exception {
    String requestId = submitted(keyOf(partner("400000").id()), "6000");
    String rex = managerAndLeader(engine);
    WebappSession rexSession = WebappSession.tasklist(port, rex);
    assertThat(rexSession.loginStatus()).isEqualTo(200);
    String review = taskId(requestId, "ReviewMdfRequest");
    assertThat(rexSession.enginePost("/task/" + review + "/claim", "{\"userId\":\"" + rex + "\"}").status())
        .isEqualTo(204);
    Response reviewed = rexSession.enginePost("/task/" + review + "/submit-form",
        "{\"variables\":{\"mdfDecision\":{\"value\":\"APPROVE\"},\"leadershipApproval\":{\"value\":false}}}");
    assertThat(reviewed.status()).as("a gateway fact is not the form's to send: " + reviewed.body()).isEqualTo(400);
    assertThat(reviewed.body()).contains("leadershipApproval");
    reviewed = rexSession.enginePost("/task/" + review + "/submit-form",
        "{\"variables\":{\"mdfDecision\":{\"value\":\"APPROVE\"},\"mdfReason\":{\"value\":\"Strong plan\"}}}");
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(204);
    assertThat(status(requestId)).isEqualTo("AWAITING_LEADERSHIP");

    String approval = taskId(requestId, "ApproveMdfRequest");
    assertThat(rexSession.enginePost("/task/" + approval + "/claim", "{\"userId\":\"" + rex + "\"}").status())
        .isEqualTo(204);
    Response sameOnTasklist = rexSession.enginePost("/task/" + approval + "/submit-form",
        "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}");
    assertThat(sameOnTasklist.status()).as(sameOnTasklist.body()).isEqualTo(400);
    assertThat(sameOnTasklist.body()).contains("four eyes");
    Response sameOnEngineRest = http.post("/engine-rest/task/" + approval + "/submit-form",
        "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}", rex, rex);
    assertThat(sameOnEngineRest.status()).as(sameOnEngineRest.body()).isEqualTo(400);
    assertThat(sameOnEngineRest.body()).contains("four eyes");
    assertThat(status(requestId)).isEqualTo("AWAITING_LEADERSHIP");
    // A partner manager who is not leadership cannot work it at all; leadership approves on Tasklist's root.
    assertThat(http.post("/engine-rest/task/" + approval + "/submit-form",
        "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}", MARY).status()).isEqualTo(403);
    assertThat(rexSession.enginePost("/task/" + approval + "/unclaim", null).status()).isEqualTo(204);
    WebappSession lena = WebappSession.tasklist(port, "lena");
    JsonNode shown = json.readTree(lena.engineGet("/task/" + approval + "/form-variables").body());
    assertThat(shown.path("reviewText").path("value").asText()).startsWith("Approved by Rex Both on ")
        .contains("UTC: Strong plan");
    assertThat(shown.path("amountText").path("value").asText()).isEqualTo("$6,000.00");
    assertThat(lena.enginePost("/task/" + approval + "/claim", "{\"userId\":\"lena\"}").status()).isEqualTo(204);
    Response approved = lena.enginePost("/task/" + approval + "/submit-form",
        "{\"variables\":{\"approvalDecision\":{\"value\":\"APPROVE\"}}}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(status(requestId)).isEqualTo("APPROVED");
  }

  /** Must show: requests beyond the quarterly cap are refused with the amount left; one Idempotency-Key, one request. */
  @Test
  void aRequestBeyondTheQuarterlyCapIsRefusedWithTheAmountLeft() throws Exception {
    String[] key = keyOf(partner("150000").id());
    HttpRequest.Builder first = http.builder("/api/mdf-requests").header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + key[1]).header("Idempotency-Key", "mdf-once")
        .POST(HttpRequest.BodyPublishers.ofString(request("CONTENT", "1500").toString()));
    Response created = http.send(first);
    Response replayed = http.send(http.builder("/api/mdf-requests").header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + key[1]).header("Idempotency-Key", "mdf-once")
        .POST(HttpRequest.BodyPublishers.ofString(request("CONTENT", "1500").toString())));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(replayed.status()).isEqualTo(201);
    assertThat(body(replayed).get("requestId").asText()).isEqualTo(body(created).get("requestId").asText());

    Response beyond = post(key, "ADVERTISING", "1000");
    assertThat(beyond.status()).isEqualTo(201);
    JsonNode refused = body(beyond);
    assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
    assertThat(refused.get("refusal").asText()).isEqualTo("BEYOND_QUARTERLY_CAP");
    assertThat(refused.get("amountLeft").decimalValue()).isEqualByComparingTo("500");
    assertThat(refused.get("reason").asText()).contains("$500.00 left in");
  }

  /** Must show: two concurrent requests for the last $2,000 of a quarter's cap — exactly one is accepted. */
  @Test
  void twoConcurrentRequestsForTheLastOfTheCapExactlyOneIsAccepted() throws Exception {
    String[] key = keyOf(partner("150000").id());
    for (int round = 0; round < 5; round++) {
      List<Response> responses = race(List.of(() -> post(key, "EVENT", "2000"), () -> post(key, "CONTENT", "2000")));
      List<String> statuses = new ArrayList<>();
      String accepted = null;
      for (Response response : responses) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        statuses.add(body(response).get("status").asText());
        if ("IN_REVIEW".equals(body(response).get("status").asText())) {
          accepted = body(response).get("requestId").asText();
        } else {
          assertThat(body(response).get("amountLeft").decimalValue()).isEqualByComparingTo("0");
        }
      }
      assertThat(statuses).as("round " + round).containsExactlyInAnyOrder("IN_REVIEW", "REFUSED");
      // Rejecting the winner releases the $2,000 for the next round.
      completeOverRest(accepted, "ReviewMdfRequest", MARY,
          "{\"mdfDecision\":{\"value\":\"REJECT\"},\"mdfReason\":{\"value\":\"Round over\"}}");
    }
  }
}
