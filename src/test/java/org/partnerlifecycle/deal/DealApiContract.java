package org.partnerlifecycle.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/** Deal registration over HTTP: partners, staff and auditors against what each may and may not do. */
abstract class DealApiContract extends ApiContract {

  Partner partner() {
    return active.active("Api Co", "api-" + System.nanoTime() + ".example", "REFERRAL", "150000");
  }

  String[] keyOf(Partner partner) {
    return new String[] {"Bearer", apiKeys.issue(partner.id(), "mary").apiKey()};
  }

  static ObjectNode deal(String domain) {
    ObjectNode body = new ObjectMapper().createObjectNode();
    body.put("customerName", "Globex").put("customerDomain", domain).put("motion", "REFERRAL")
        .put("dealType", "NEW").put("licenseType", "SUBSCRIPTION").put("product", "PLUS")
        .put("estimatedValue", 48000).put("termMonths", 12);
    return body;
  }

  int dealRows() {
    return jdbc.queryForObject("SELECT count(*) FROM deal_registration", Integer.class);
  }

  Response postWithKey(String path, String body, String idempotencyKey, String... auth) {
    HttpRequest.Builder builder = http.builder(path).header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body));
    builder.header("Authorization", "Bearer " + auth[1]);
    return http.send(builder);
  }

  @Autowired
  DealSubmissions submissions;
  @Autowired
  ReviewStarts reviewStarts;
  @Autowired
  DealRepository deals;

  /** A registration stored and marked for its review, as the intake commits it, but not started. */
  String storedNotStarted(Partner partner, String domainPrefix) {
    return submissions.store(partner.id(), new DealRegistrationRequest(null, "Globex", domainPrefix + "-"
        + System.nanoTime() + ".example", "REFERRAL", "NEW", "SUBSCRIPTION", "PLUS", new BigDecimal("48000"), 12,
        null), "partner:" + partner.id(), null, "body").deal().id();
  }

  long reviewProcesses(String dealId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("deal-registration")
        .processInstanceBusinessKey(dealId).count();
  }

  boolean reviewPending(String dealId) {
    return jdbc.queryForObject("SELECT review_pending FROM deal_registration WHERE id = ?", Boolean.class, dealId);
  }

  /**
   * The intake answers once the review started, in a round after its commit (ReviewStarts). A registration stored
   * but not started — its node died between the commit and the round — is started by the next sweep, once.
   */
  @Test
  void aRegistrationWhoseReviewDidNotStartIsStartedByTheNextSweepOnce() throws Exception {
    Partner partner = partner();
    String answered = body(http.post("/api/deal-registrations", deal("round-" + System.nanoTime() + ".example")
        .toString(), keyOf(partner))).get("dealId").asText();
    assertThat(reviewProcesses(answered)).isEqualTo(1);
    assertThat(reviewPending(answered)).isFalse();

    String dealId = storedNotStarted(partner, "crash");
    assertThat(reviewProcesses(dealId)).isZero();
    assertThat(reviewPending(dealId)).isTrue();
    reviewStarts.sweep();
    assertThat(reviewProcesses(dealId)).isEqualTo(1);
    assertThat(reviewPending(dealId)).isFalse();
    assertThat(deals.get(dealId).status()).isEqualTo(DealStatus.IN_REVIEW);
    reviewStarts.sweep();
    assertThat(reviewProcesses(dealId)).isEqualTo(1);
  }

  /** Two nodes' rounds over the same pending registrations (each claims with SKIP LOCKED) start each review once. */
  @Test
  void twoNodesStartingAtOnceStartEachReviewOnce() throws Exception {
    Partner partner = partner();
    List<String> dealIds = new ArrayList<>();
    for (int n = 0; n < 30; n++) {
      dealIds.add(storedNotStarted(partner, "race-" + n));
    }
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> rounds = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        rounds.add(nodes.submit(() -> {
          go.await();
          reviewStarts.startPending();
          return null;
        }));
      }
      go.countDown();
      for (Future<?> round : rounds) {
        round.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }
    for (String dealId : dealIds) {
      assertThat(reviewProcesses(dealId)).as(dealId).isEqualTo(1);
      assertThat(reviewPending(dealId)).as(dealId).isFalse();
    }
  }

  /** A registration whose start fails holds up no other: it stays pending, and starts once the cause is mended. */
  @Test
  void aFailingStartHoldsUpNoOtherRegistration() {
    Partner partner = partner();
    String failing = storedNotStarted(partner, "failing");
    String fine = storedNotStarted(partner, "fine");
    String terms = jdbc.queryForObject("SELECT terms_version FROM deal_registration WHERE id = ?", String.class,
        failing);
    jdbc.update("UPDATE deal_registration SET terms_version = '1999-01-01' WHERE id = ?", failing);

    reviewStarts.startPending();
    assertThat(reviewProcesses(fine)).isEqualTo(1);
    assertThat(reviewProcesses(failing)).isZero();
    assertThat(reviewPending(failing)).isTrue();
    reviewStarts.startPending(); // rounds leave it to the sweep
    assertThat(reviewProcesses(failing)).isZero();

    jdbc.update("UPDATE deal_registration SET terms_version = ? WHERE id = ?", terms, failing);
    reviewStarts.sweep();
    assertThat(reviewProcesses(failing)).isEqualTo(1);
    assertThat(reviewPending(failing)).isFalse();
  }

  /**
   * The engine's history level (DisplayFactsHistory): FULL to the database, every fact in ACT_HI_VARINST, but the
   * facts the forms only show leave no ACT_HI_DETAIL rows; what a reviewer submits keeps its detail history.
   */
  @Test
  void theReviewFactsReachTheFormsWithoutBeingProcessVariables() throws Exception {
    Partner partner = partner();
    String dealId = body(http.post("/api/deal-registrations", deal("history-" + System.nanoTime() + ".example")
        .put("proposedRate", 12).toString(), keyOf(partner))).get("dealId").asText();
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dealId)
        .singleResult().getId();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    var history = engine.getHistoryService();
    // At the review: 1 variable (partnerId), in the runtime, the variable history and the detail history. The
    // case's name the tasks are named by is not a variable either (DealCaseName).
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instanceId).list())
        .extracting(variable -> variable.getName()).containsExactly("partnerId");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
    assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().count())
        .isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getName())
        .isEqualTo("Review deal registration — " + partner.companyName() + " / Globex, $48,000");
    // The rest is read with the form, through both engine REST roots, as the check worded it: codes in words,
    // times with their zone, the partner's proposal in the rate field.
    WebappSession mary = WebappSession.tasklist(port, "mary");
    for (Response read : List.of(http.get("/engine-rest/task/" + taskId + "/form-variables", MARY),
        mary.engineGet("/task/" + taskId + "/form-variables"))) {
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      JsonNode shown = json.readTree(read.body());
      assertThat(shown.path("rateExplanationText").path("value").asText())
          .contains("Growth").doesNotContainPattern("\\b[A-Z][A-Z_]{3,}\\b");
      assertThat(shown.path("conflictEvidenceText").path("value").asText()).startsWith("No live registration")
          .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
      assertThat(shown.path("conflict").path("value").asBoolean(true)).isFalse();
      assertThat(shown.path("reviewDueAtText").path("value").asText()).isNotBlank();
      assertThat(shown.path("partnerStanding").path("value").asText()).contains("partner");
      assertThat(shown.path("proposedRate").path("value").asDouble()).isEqualTo(12.0);
      assertThat(shown.path("partnerName").path("value").asText()).isNotBlank();
    }
    // The reviewer proposes another rate: leadership's form shows the process's proposedRate, not the partner's.
    engine.getTaskService().complete(taskId, Map.of("decision", "APPROVE", "proposedRate", 15.0));
    String approval = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("ApproveNegotiatedRate").singleResult().getId();
    assertThat(shownOn(approval, "proposedRate")).isEqualTo(15.0);
    assertThat(engine.getTaskService().createTaskQuery().taskId(approval).singleResult().getName())
        .isEqualTo("Approve negotiated rate — " + partner.companyName() + " / Globex, $48,000");
    assertThat((String) shownOn(approval, "rateExplanationText")).contains("Growth");

    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getClass().getSimpleName()).isEqualTo("DisplayFactsHistory");
    assertThat(jdbc.queryForObject("SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'", String.class))
        .isEqualTo("3");
    Set<String> kept = new HashSet<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list()
        .forEach(variable -> kept.add(variable.getName()));
    assertThat(kept).contains("proposedRate", "decision", "partnerId")
        .doesNotContain("reviewDueAt", "partnerStanding", "rateExplanationText", "partnerName");
    List<String> detailed = new ArrayList<>();
    history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().list()
        .forEach(detail -> detailed.add(((HistoricVariableUpdate) detail).getVariableName()));
    assertThat(detailed).doesNotContain("partnerName", "customerName").contains("partnerId", "proposedRate",
        "decision");
    // Auditors lose nothing: the completion's audit record keeps what the form showed.
    sealAudit();
    JsonNode completion = json.readTree(jdbc.queryForObject("SELECT details FROM audit_record WHERE action = "
        + "'task.complete ReviewDealRegistration' AND subject_id = ?", String.class, dealId));
    assertThat(completion.path("shown").path("rateExplanationText").asText()).contains("Growth");
    assertThat(completion.path("shown").path("partnerStanding").asText()).contains("partner");
    assertThat(completion.path("decision").asText()).isEqualTo("APPROVE");
  }

  /** What the task's form shows in {@code field}: the engine's form variables (the review facts, then variables). */
  private Object shownOn(String taskId, String field) {
    return engine.getFormService().getTaskFormVariables(taskId).get(field);
  }

  /**
   * Over /engine-rest a task writes only its form's input fields: anything else is refused, naming it, and the
   * read-only fields Tasklist sends back are dropped, so what a later task shows is what the process recorded.
   */
  @Test
  void aReviewWritesOnlyItsFormsInputFieldsOverEngineRest() throws Exception {
    String dealId = body(http.post("/api/deal-registrations", deal("fields-" + System.nanoTime() + ".example")
        .toString(), keyOf(partner()))).get("dealId").asText();
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dealId)
        .singleResult().getId();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    Object standardRate = shownOn(taskId, "standardRate");
    assertThat(standardRate).isNotNull();

    Response undeclared = http.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"rateNeedsApproval\":{\"value\":true}}}", MARY);
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(json.readTree(undeclared.body()).get("field").asText()).isEqualTo("rateNeedsApproval");
    // An input field takes what a form field submits; an Object value reached the serializers and answered 500.
    for (String type : List.of("Object", "Json", "Xml", "Bytes", "File")) {
      Response typed = http.post("/engine-rest/task/" + taskId + "/complete",
          "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"" + type + "\"}}}", MARY);
      assertThat(typed.status()).as(type + ": " + typed.body()).isEqualTo(400);
      // Json, Xml, Bytes and File stop in the REST layer (no such value type, or not readable); Object reaches the
      // engine, whose task rules refuse it naming the field.
      if (type.equals("Object")) {
        assertThat(json.readTree(typed.body()).get("field").asText()).isEqualTo("decision");
      }
    }
    // A read-only field written without completing: refused as a permission (Camunda's resources for variable
    // writes answer 403 or 500, nothing between).
    Response readOnly = http.put("/engine-rest/task/" + taskId + "/variables/standardRate",
        "{\"value\":\"40% (made up)\"}", MARY);
    assertThat(readOnly.status()).isEqualTo(403);
    assertThat(json.readTree(readOnly.body()).get("field").asText()).isEqualTo("standardRate");
    // Writing variables without completing needs more than TASK_WORK, which is all a partner manager has.
    assertThat(http.post("/engine-rest/task/" + taskId + "/variables",
        "{\"modifications\":{\"decision\":{\"value\":\"APPROVE\"}}}", MARY).status()).isEqualTo(403);
    assertThat(shownOn(taskId, "standardRate")).isEqualTo(standardRate);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    // As Tasklist submits it: the input fields, and the read-only ones as they were shown (or not).
    Response completed = http.post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{"
        + "\"decision\":{\"value\":\"APPROVE\"},\"standardRate\":{\"value\":\"40% (made up)\"}}}", MARY);
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(instanceId, "standardRate")).as("not written").isNull();
    assertThat(body(http.get("/api/deal-registrations/" + dealId, MARY)).get("status").asText())
        .isEqualTo("APPROVED");
  }

  /**
   * The same rules through Tasklist's own REST root (session and CSRF token), where the guards used to be missing:
   * mary's completion with a proposed rate plus forged read-only fields and an invented variable is refused; without
   * the invented one, the read-only fields are dropped, so leadership's form shows what the process recorded.
   */
  @Test
  void aReviewWritesOnlyItsFormsInputFieldsThroughTasklistsRoot() throws Exception {
    String dealId = body(http.post("/api/deal-registrations", deal("tasklist-" + System.nanoTime() + ".example")
        .toString(), keyOf(partner()))).get("dealId").asText();
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dealId)
        .singleResult().getId();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    Object standardRate = shownOn(taskId, "standardRate");
    Object rateExplanation = shownOn(taskId, "rateExplanationText");
    assertThat(standardRate).isNotNull();
    WebappSession mary = WebappSession.tasklist(port, "mary");
    assertThat(mary.loginStatus()).isEqualTo(200);
    assertThat(mary.enginePost("/task/" + taskId + "/claim", "{\"userId\":\"mary\"}").status()).isEqualTo(204);
    String forged = "\"decision\":{\"value\":\"APPROVE\"},\"reason\":{\"value\":\"strong account\"},"
        + "\"proposedRate\":{\"value\":25},\"standardRate\":{\"value\":\"25% REVENUE_SHARE\"},"
        + "\"rateExplanationText\":{\"value\":\"forged\"},\"dealSummary\":{\"value\":\"forged\"}";

    Response invented = mary.enginePost("/task/" + taskId + "/complete",
        "{\"variables\":{" + forged + ",\"rateNeedsApproval\":{\"value\":false}}}");
    assertThat(invented.status()).as(invented.body()).isEqualTo(400);
    assertThat(invented.body()).contains("rateNeedsApproval");
    Response tooLong = mary.enginePost("/task/" + taskId + "/complete", "{\"variables\":{"
        + "\"decision\":{\"value\":\"REJECT\"},\"reason\":{\"value\":\"" + "x".repeat(5000) + "\"}}}");
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.body()).contains("reason");
    Response noReason = mary.enginePost("/task/" + taskId + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"REJECT\"}}}");
    assertThat(noReason.status()).as("the decision check, as on /engine-rest: " + noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    for (String type : List.of("Object", "Json", "Xml", "Bytes")) {
      Response typed = mary.enginePost("/task/" + taskId + "/complete",
          "{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"" + type + "\"}}}");
      assertThat(typed.status()).as(type + ": " + typed.body()).isEqualTo(400);
    }
    assertThat(mary.enginePost("/task/no-such-task/complete", "{}").status()).isBetween(400, 404);
    assertThat(mary.enginePut("/task/" + taskId + "/variables/standardRate", "{\"value\":\"40%\"}").status())
        .isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instanceId, "standardRate")).as("not written").isNull();

    Response completed = mary.enginePost("/task/" + taskId + "/submit-form", "{\"variables\":{" + forged + "}}");
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    String approval = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey("ApproveNegotiatedRate").singleResult().getId();
    WebappSession lena = WebappSession.tasklist(port, "lena");
    JsonNode shown = json.readTree(lena.engineGet("/task/" + approval + "/form-variables").body());
    assertThat(shown.path("standardRate").path("value").asText()).isEqualTo(String.valueOf(standardRate));
    assertThat(shown.path("rateExplanationText").path("value").asText())
        .isEqualTo(rateExplanation);
    assertThat(shown.path("proposedRate").path("value").asDouble()).isEqualTo(25.0);
  }

  @Test
  void aPartnerRegistersAndSeesItsOwnDealButNoConflictEvidence() throws Exception {
    Partner partner = partner();
    String[] key = keyOf(partner);
    String conflicting = body(http.post("/api/deal-registrations", deal("contested.example").toString(),
        keyOf(partner()))).get("dealId").asText();
    JsonNode contested = body(http.get("/api/deal-registrations/" + body(http.post("/api/deal-registrations",
        deal("contested.example").toString(), key)).get("dealId").asText(), key));
    assertThat(contested.get("conflict").asBoolean()).isTrue();
    assertThat(contested.get("conflictEvidence").isNull()).as("other partners' deals stay hidden").isTrue();
    assertThat(contested.toString()).doesNotContain(conflicting);
    Response created = http.post("/api/deal-registrations", deal("own.example").toString(), key);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String dealId = body(created).get("dealId").asText();
    assertThat(body(created).get("status").asText()).isEqualTo("IN_REVIEW");

    JsonNode view = body(http.get("/api/deal-registrations/" + dealId, key));
    assertThat(view.get("partnerId").asText()).isEqualTo(partner.id());
    assertThat(view.get("conflictEvidence").isNull()).isTrue();
    assertThat(body(http.get("/api/deal-registrations/" + dealId, MARY)).get("conflict").asBoolean()).isFalse();

    Partner other = partner();
    assertThat(http.get("/api/deal-registrations/" + dealId, keyOf(other)).status()).isEqualTo(404);
    assertThat(http.get("/api/partners/" + partner.id() + "/ledger", keyOf(other)).status()).isEqualTo(404);
    ObjectNode forOther = deal("own2.example").put("partnerId", other.id());
    Response spoof = http.post("/api/deal-registrations", forOther.toString(), key);
    assertThat(spoof.status()).isEqualTo(400);
    assertThat(spoof.body()).contains("\"field\":\"partnerId\"");
  }

  @Test
  void staffRegisterOnBehalfAuditorsAndLeadershipDoNot() throws Exception {
    Partner partner = partner();
    ObjectNode onBehalf = deal("behalf.example").put("partnerId", partner.id());
    int before = dealRows();
    assertThat(http.post("/api/deal-registrations", onBehalf.toString(), ADA).status()).isEqualTo(403);
    assertThat(http.post("/api/deal-registrations", onBehalf.toString(), LENA).status()).isEqualTo(403);
    assertThat(http.post("/api/deal-registrations", onBehalf.toString()).status()).isEqualTo(401);
    assertThat(dealRows()).isEqualTo(before);
    assertThat(http.post("/api/deal-registrations", deal("behalf.example").toString(), MARY).status()).isEqualTo(400);
    assertThat(http.post("/api/deal-registrations", onBehalf.toString(), MARY).status()).isEqualTo(201);
  }

  static Stream<Arguments> badDeals() {
    return Stream.of(
        Arguments.of("customerName", null), Arguments.of("customerName", "x".repeat(201)),
        Arguments.of("customerDomain", "no domain"), Arguments.of("customerDomain", null),
        Arguments.of("motion", "BROKER"), Arguments.of("dealType", "UPSELL"), Arguments.of("licenseType", "FREE"),
        Arguments.of("product", "GOLD"), Arguments.of("estimatedValue", "0"), Arguments.of("estimatedValue", "-5"),
        Arguments.of("estimatedValue", "99999999999999"), Arguments.of("estimatedValue", "1.001"),
        Arguments.of("termMonths", "0"), Arguments.of("termMonths", "121"), Arguments.of("termMonths", "twelve"),
        Arguments.of("proposedRate", "101"), Arguments.of("proposedRate", "-1"),
        Arguments.of("motion", "ASSISTED_RESELLER"), Arguments.of("product", "SIMON' OR '1'='1"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badDeals")
  void everyWrongFieldIsNamedAndNothingIsStored(String field, String value) throws Exception {
    Partner partner = partner();
    ObjectNode body = deal("bad.example");
    if (value == null) {
      body.remove(field);
    } else if (value.matches("-?[0-9.]+") && !field.equals("motion")) {
      body.put(field, new java.math.BigDecimal(value));
    } else {
      body.put(field, value);
    }
    // A FOUNDATION-only motion check needs a FOUNDATION partner; ASSISTED_RESELLER is refused for this GROWTH
    // referral partner only if its tier disallows it, so use a Foundation partner for that case.
    Partner caller = field.equals("motion") && "ASSISTED_RESELLER".equals(value)
        ? active.active("Small", "small-" + System.nanoTime() + ".example", "REFERRAL", "1000") : partner;
    int before = dealRows();
    Response response = http.post("/api/deal-registrations", body.toString(), keyOf(caller));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    assertThat(dealRows()).isEqualTo(before);
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameRegistration() throws Exception {
    Partner partner = partner();
    String[] key = keyOf(partner);
    Response first = postWithKey("/api/deal-registrations", deal("idem.example").toString(), "k-1", key);
    Response again = postWithKey("/api/deal-registrations", deal("idem.example").toString(), "k-1", key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(body(again).get("dealId")).isEqualTo(body(first).get("dealId"));
    sealAudit();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE action = 'deal.register' "
        + "AND subject_id = ?", Integer.class, body(first).get("dealId").asText()))
        .as("the retry changed nothing: one registration on record").isEqualTo(1);
    Response reused = postWithKey("/api/deal-registrations", deal("other.example").toString(), "k-1", key);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.body()).contains("Idempotency-Key");
  }

  @Test
  void onlyStaffCloseAndCancelAndTheLedgerShowsThePayout() throws Exception {
    Partner partner = partner();
    String[] key = keyOf(partner);
    String dealId = body(http.post("/api/deal-registrations", deal("close.example").toString(), key))
        .get("dealId").asText();
    active.complete(dealId, "ReviewDealRegistration", "mary", java.util.Map.of("decision", "APPROVE"));

    String close = "{\"outcome\":\"WON\",\"amount\":48000,\"closedOn\":\"" + java.time.LocalDate.now() + "\"}";
    assertThat(http.post("/api/deal-registrations/" + dealId + "/close", close, key).status()).isEqualTo(403);
    assertThat(http.post("/api/deal-registrations/" + dealId + "/close", close, ADA).status()).isEqualTo(403);
    assertThat(http.post("/api/deal-registrations/" + dealId + "/close", "{\"outcome\":\"TIED\"}", MARY).body())
        .contains("\"field\":\"outcome\"").contains("\"field\":\"closedOn\"");
    assertThat(http.post("/api/deal-registrations/" + dealId + "/extension-request", "", ADA).status())
        .isEqualTo(403);
    assertThat(http.post("/api/deal-registrations/" + dealId + "/close", close, MARY).status()).isEqualTo(202);

    JsonNode entries = body(http.get("/api/partners/" + partner.id() + "/ledger", key));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("amount").decimalValue()).isEqualByComparingTo("4800.00");
    // The terms in effect on the close date (2026-12-01 from that day on, issue 22).
    assertThat(entries.get(0).get("termsVersion").asText()).isEqualTo(
        java.time.LocalDate.now().isBefore(java.time.LocalDate.parse("2026-12-01")) ? "2026-01-01" : "2026-12-01");
    assertThat(entries.get(0).get("explanation").asText()).contains("10% of $48000.00");

    assertThat(entries.get(0).get("status").asText()).isEqualTo("ACCRUED");

    // Cancelled on the day of the close, before the customer's payment: nothing was payable, the accrual is
    // cancelled and there is nothing to claw back (SPEC §2 "Paying partners").
    String cancel = "{\"cancelledOn\":\"" + java.time.LocalDate.now() + "\",\"reason\":\"Churned\"}";
    assertThat(http.post("/api/deal-registrations/" + dealId + "/cancellation", cancel, key).status()).isEqualTo(403);
    Response cancelled = http.post("/api/deal-registrations/" + dealId + "/cancellation", cancel, MARY);
    assertThat(cancelled.status()).isEqualTo(204);
    assertThat(body(http.get("/api/partners/" + partner.id() + "/ledger", key)).get(0).get("status").asText())
        .isEqualTo("CANCELLED");
  }

  @Test
  void directOpportunitiesAreStaffOnly() {
    String body = "{\"customerDomain\":\"direct.example\",\"customerName\":\"Direct\",\"owner\":\"AE Alice\"}";
    assertThat(http.post("/api/direct-opportunities", body, ADA).status()).isEqualTo(403);
    assertThat(http.post("/api/direct-opportunities", body, keyOf(partner())).status()).isEqualTo(403);
    assertThat(http.post("/api/direct-opportunities", "{\"customerDomain\":\"x\"}", MARY).status()).isEqualTo(400);
    assertThat(http.post("/api/direct-opportunities", body, MARY).status()).isEqualTo(201);
  }
}
