package org.partnerlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The partner's side of the loop (issue 25), over real HTTP on 127.0.0.1: lists, webhooks to a real receiver,
 * mail to a real SMTP server, the OpenAPI document.
 */
abstract class PartnerLoopContract extends ApiContract {

  /** One real SMTP server on 127.0.0.1 for the test JVM (a free port), shared by the H2 and PostgreSQL classes. */
  private static GreenMail smtp;

  static synchronized GreenMail smtp() {
    if (smtp == null) {
      smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
      smtp.start();
    }
    return smtp;
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("SMTP_HOST", () -> "127.0.0.1");
    registry.add("SMTP_PORT", () -> smtp().getSmtp().getPort());
    registry.add("MAIL_FROM", () -> "partners@program.example");
    registry.add("WEBHOOKS_ALLOW_PRIVATE", () -> "true");
  }

  @Autowired
  OutboxWorker worker;
  @Autowired
  PartnerEvents events;
  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactionManager;
  org.springframework.transaction.support.TransactionTemplate transactions;

  @org.junit.jupiter.api.BeforeEach
  void transactions() {
    transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  protected Partner partnerIn(String region, String name) {
    Partner partner = active.active(name, name.toLowerCase().replace(' ', '-') + "-" + System.nanoTime()
        + ".example", "REFERRAL", "150000");
    jdbc.update("UPDATE partner SET region = ? WHERE id = ?", region, partner.id());
    return partner;
  }

  /** Only the partners of this test in the region, so that the lead goes to them. */
  protected void emptyRegion(String region) {
    jdbc.update("UPDATE partner SET region = 'NA' WHERE region = ?", region);
  }

  protected JsonNode lead(String region, String domain) throws Exception {
    Response response = http.post("/api/leads", "{\"companyName\":\"Lead Co\",\"customerDomain\":\"" + domain
        + "\",\"region\":\"" + region + "\",\"category\":\"SMB\"}", MARY);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body());
  }

  protected String register(String[] partnerKey, String domain) throws Exception {
    Response response = http.post("/api/deal-registrations", "{\"customerName\":\"Customer\",\"customerDomain\":\""
        + domain + "\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\","
        + "\"product\":\"PLUS\",\"estimatedValue\":1000,\"termMonths\":12}", partnerKey);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).get("dealId").asText();
  }

  private static List<String> ids(JsonNode page, String field) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get(field).asText()));
    return ids;
  }

  @Test
  void aPartnerListsOnlyItsOwnRegistrationsAndItsOffersStaffListEverythingNewestFirst() throws Exception {
    emptyRegion("APAC");
    Partner mine = partnerIn("APAC", "List Mine");
    Partner theirs = partnerIn("NA", "List Theirs");
    String[] myKey = keyOf(mine.id());
    String first = register(myKey, "first-" + System.nanoTime() + ".example");
    String second = register(myKey, "second-" + System.nanoTime() + ".example");
    String other = register(keyOf(theirs.id()), "other-" + System.nanoTime() + ".example");

    JsonNode own = body(http.get("/api/deal-registrations", myKey));
    assertThat(ids(own, "dealId")).containsExactly(second, first);
    assertThat(own.get("total").asLong()).isEqualTo(2);
    assertThat(own.get("items").get(0).get("rate").get("proposedBy").isNull()).isTrue();
    assertThat(body(http.get("/api/deal-registrations?status=SUBMITTED&size=1&page=1", myKey)).get("items")
        .size()).isLessThanOrEqualTo(1);
    assertThat(http.get("/api/deal-registrations?partnerId=" + theirs.id(), myKey).status()).isEqualTo(400);
    JsonNode staff = body(http.get("/api/deal-registrations?partnerId=" + theirs.id(), ADA));
    assertThat(ids(staff, "dealId")).containsExactly(other);
    Response bad = http.get("/api/deal-registrations?status=NOPE&page=-1&size=0", MARY);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body()).contains("\"status\"", "\"page\"", "\"size\"");
    assertThat(http.get("/api/deal-registrations").status()).isEqualTo(401);

    JsonNode lead = lead("APAC", "offered-" + System.nanoTime() + ".example");
    assertThat(lead.get("assignedPartnerId").asText()).isEqualTo(mine.id());
    JsonNode offers = body(http.get("/api/leads?status=OFFERED", myKey));
    assertThat(ids(offers, "leadId")).containsExactly(lead.get("leadId").asText());
    assertThat(offers.get("items").get(0).get("offerExpiresAt").asText()).isNotEmpty();
    assertThat(body(http.get("/api/leads?status=OFFERED", keyOf(theirs.id()))).get("total").asLong()).isZero();
    assertThat(http.get("/api/leads?status=NEW", myKey).status()).isEqualTo(400);
    assertThat(ids(body(http.get("/api/leads?status=OFFERED&size=200", MARY)), "leadId"))
        .contains(lead.get("leadId").asText());

    JsonNode apac = body(http.get("/api/partners?region=APAC&status=ACTIVE", LENA));
    assertThat(ids(apac, "partnerId")).containsExactly(mine.id());
    assertThat(http.get("/api/partners?tier=GOLD&region=MARS", MARY).body()).contains("\"tier\"", "\"region\"");
    assertThat(http.get("/api/partners", myKey).status()).isEqualTo(403);
  }

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp().getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  @Test
  void aSignedLeadOfferReachesThePartnersReceiverAgainAfterA500AndThePartnerAcceptsTheLeadByItsId()
      throws Exception {
    emptyRegion("LATAM");
    Partner partner = partnerIn("LATAM", "Hook Partner");
    String[] key = keyOf(partner.id());
    try (Receiver receiver = new Receiver()) {
      String request = "{\"url\":\"" + receiver.url() + "\",\"events\":[\"lead.offered\",\"deal.approved\"]}";
      Response created = http.send(http.builder("/api/partners/" + partner.id() + "/webhooks")
          .header("Authorization", "Bearer " + key[1]).header("Content-Type", "application/json")
          .header("Idempotency-Key", "hook-1").POST(java.net.http.HttpRequest.BodyPublishers.ofString(request)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      JsonNode hook = json.readTree(created.body());
      String secret = hook.get("secret").asText();
      String webhookId = hook.get("webhookId").asText();
      assertThat(secret).startsWith("whsec_");
      assertThat(jdbc.queryForObject("SELECT secret_ciphertext FROM partner_webhook WHERE id = ?", String.class,
          webhookId)).doesNotContain(secret.substring(6));
      Response replay = http.send(http.builder("/api/partners/" + partner.id() + "/webhooks")
          .header("Authorization", "Bearer " + key[1]).header("Content-Type", "application/json")
          .header("Idempotency-Key", "hook-1").POST(java.net.http.HttpRequest.BodyPublishers.ofString(request)));
      assertThat(json.readTree(replay.body()).get("webhookId").asText()).isEqualTo(webhookId);
      assertThat(json.readTree(replay.body()).has("secret")).isFalse();
      assertThat(ids(json.readTree("{\"items\":" + body(http.get("/api/partners/" + partner.id() + "/webhooks",
          key)) + "}"), "webhookId")).containsExactly(webhookId);
      assertThat(http.post("/api/partners/" + partner.id() + "/webhooks", "{\"url\":\"ftp://x\",\"events\":"
          + "[\"lead.nope\"]}", key).body()).contains("\"url\"", "events[0]");
      Partner stranger = partnerIn("NA", "Hook Stranger");
      assertThat(http.get("/api/partners/" + stranger.id() + "/webhooks", key).status()).isEqualTo(404);
      assertThat(http.get("/api/partners/" + partner.id() + "/webhooks", LENA).status()).isEqualTo(403);

      ClockUtil.setCurrentTime(new Date());
      String leadId = lead("LATAM", "hooked-" + System.nanoTime() + ".example").get("leadId").asText();
      assertThat(receiver.received).as("nothing is sent inside the business transaction").isEmpty();

      receiver.answer.set(500);
      worker.runDue();
      assertThat(receiver.received).hasSize(1);
      JsonNode deliveries = body(http.get("/api/partners/" + partner.id() + "/webhook-deliveries", key));
      JsonNode first = deliveries.get("items").get(0);
      assertThat(first.get("status").asText()).isEqualTo("PENDING");
      assertThat(first.get("attempts").asInt()).isEqualTo(1);
      assertThat(first.get("lastStatus").asInt()).isEqualTo(500);
      assertThat(first.get("nextAttemptAt").asText()).isNotEmpty();
      worker.runDue();
      assertThat(receiver.received).as("not due before its backoff").hasSize(1);

      receiver.answer.set(204);
      ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
      worker.runDue();
      assertThat(receiver.received).hasSize(2);
      Receiver.Received delivery = receiver.received.get(1);
      assertThat(delivery.header("X-Webhook-Id")).isEqualTo(receiver.received.get(0).header("X-Webhook-Id"));
      assertThat(delivery.header("X-Webhook-Signature"))
          .isEqualTo(hmac(secret, delivery.header("X-Webhook-Timestamp") + "." + delivery.body()));
      assertThat(Long.parseLong(delivery.header("X-Webhook-Timestamp")))
          .isEqualTo(ClockUtil.getCurrentTime().toInstant().getEpochSecond());
      JsonNode event = json.readTree(delivery.body());
      assertThat(event.get("event").asText()).isEqualTo("lead.offered");
      assertThat(event.get("partnerId").asText()).isEqualTo(partner.id());
      assertThat(event.get("id").asText()).isEqualTo(delivery.header("X-Webhook-Id"));
      assertThat(event.get("occurredAt").asText()).isNotEmpty();
      String received = event.get("data").get("leadId").asText();
      assertThat(received).isEqualTo(leadId);
      assertThat(http.post("/api/leads/" + received + "/accept", "", key).status()).isEqualTo(202);
      JsonNode sent = body(http.get("/api/partners/" + partner.id() + "/webhook-deliveries", MARY)).get("items")
          .get(0);
      assertThat(sent.get("status").asText()).isEqualTo("SENT");
      assertThat(sent.get("attempts").asInt()).isEqualTo(2);
      worker.runDue();
      assertThat(receiver.received).as("a delivered event is not sent again").hasSize(2);

      // Deleting the webhook stops deliveries to it.
      assertThat(http.delete("/api/partners/" + partner.id() + "/webhooks/" + webhookId, key).status())
          .isEqualTo(204);
      assertThat(http.delete("/api/partners/" + partner.id() + "/webhooks/" + webhookId, key).status())
          .isEqualTo(404);
    }
  }

  @Test
  void thePartnersContactReceivesAMailForALeadOfferAndForADealApproval() throws Exception {
    emptyRegion("EMEA");
    Partner partner = partnerIn("EMEA", "Mail Partner");
    String contact = partner.contactEmail();
    lead("EMEA", "mailed-" + System.nanoTime() + ".example");
    String dealId = register(keyOf(partner.id()), "approved-" + System.nanoTime() + ".example");
    active.complete(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE"));
    assertThat(jdbc.queryForObject("SELECT status FROM deal_registration WHERE id = ?", String.class, dealId))
        .isEqualTo("APPROVED");
    worker.runDue();
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : mailTo(contact)) {
      subjects.add(message.getSubject());
      assertThat(message.getFrom()[0].toString()).isEqualTo("partners@program.example");
    }
    assertThat(subjects).contains("Partner program: lead.offered", "Partner program: deal.approved");
    MimeMessage approval = mailTo(contact).stream().filter(m -> {
      try {
        return m.getSubject().endsWith("deal.approved");
      } catch (Exception e) {
        return false;
      }
    }).findFirst().orElseThrow();
    assertThat(approval.getContent().toString()).contains(dealId);
    JsonNode notifications = body(http.get("/api/partners/" + partner.id() + "/notifications?channel=EMAIL",
        keyOf(partner.id())));
    assertThat(notifications.get("items").findValuesAsText("status")).contains("SENT");
    assertThat(notifications.toString()).doesNotContain(contact);

    // The same decision reached again (a retried job) tells nothing twice.
    assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_event WHERE decision_key = ?", Integer.class,
        "deal.approved:" + dealId)).isEqualTo(1);
    int outbox = jdbc.queryForObject("SELECT count(*) FROM notification_outbox", Integer.class);
    Boolean toldAgain = transactions.execute(status -> events.emit(partner.id(), PartnerEvent.DEAL_APPROVED,
        "deal.approved:" + dealId, Map.of("dealId", dealId)));
    assertThat(toldAgain).isFalse();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_outbox", Integer.class)).isEqualTo(outbox);
  }

  /** A reminder to the partner's manager (late review notes) is mailed to the manager, never listed to the partner. */
  @Test
  void aStaffReminderReachesTheManagerAndIsNotThePartners() throws Exception {
    Partner partner = partnerIn("APAC", "Reminded Partner");
    Boolean mailed = transactions.execute(status -> notifications.notifyStaff(partner.id(), "mary",
        "business-review-notes-late", Map.of("partner", partner.companyName())));
    assertThat(mailed).isTrue();
    Boolean mailedToNobody = transactions.execute(status -> notifications.notifyStaff(partner.id(),
        "nobody-" + System.nanoTime(), "business-review-notes-late", Map.of()));
    assertThat(mailedToNobody).as("no such user: nothing to send").isFalse();
    worker.runDue();
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : mailTo("mary@example.org")) {
      subjects.add(message.getSubject());
    }
    assertThat(subjects).contains("Partner program: business-review-notes-late");
    for (String channel : new String[] {"", "?channel=EMAIL"}) {
      JsonNode listed = body(http.get("/api/partners/" + partner.id() + "/notifications" + channel,
          keyOf(partner.id())));
      assertThat(listed.get("items").findValuesAsText("template")).doesNotContain("business-review-notes-late");
    }
  }

  @Autowired
  NotificationPort notifications;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

  @Test
  void theOpenApiDocumentHasEveryApiEndpointWithItsSecuritySchemeAndProblemsAndSwaggerUiLoads() throws Exception {
    Response docs = http.get("/v3/api-docs");
    assertThat(docs.status()).as(docs.body()).isEqualTo(200);
    JsonNode document = json.readTree(docs.body());
    // For docs/api.md (docs/openapi.py renders it from this file).
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    java.util.Set<String> documented = new java.util.TreeSet<>();
    java.util.Set<String> untyped = new java.util.TreeSet<>();
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
        documented.add(op.getKey().toUpperCase() + " " + path.getKey());
        JsonNode operation = op.getValue();
        String key = op.getKey() + " " + path.getKey();
        if (key.equals("post /api/partner-applications") || key.equals("get /api/directory")) {
          assertThat(operation.get("security")).as(key).isEmpty();
        } else {
          assertThat(operation.get("security").toString()).as(key).contains("\"staff\"", "\"partner\"");
        }
        assertThat(operation.get("responses").get("400").get("content").has("application/problem+json")).as(key)
            .isTrue();
        // A write may be turned away when too many wait at once (web.ApiWriteAdmission); a read never is.
        assertThat(operation.get("responses").path("503").path("headers").has("Retry-After")).as(key)
            .isEqualTo(!op.getKey().equals("get"));
        operation.get("responses").fields().forEachRemaining(response -> {
          if (response.getKey().startsWith("2") && response.getValue().has("content")) {
            response.getValue().get("content").forEach(media -> {
              if (isUntyped(media.get("schema"))) {
                untyped.add(key);
              }
            });
          }
        });
      }
    }));
    java.util.Set<String> mapped = new java.util.TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(p -> p.startsWith("/api/") || p.equals("/api")).forEach(pattern -> {
          String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
          info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + path));
        }));
    assertThat(mapped).contains("GET /api/deal-registrations", "POST /api/partners/{id}/webhooks",
        "GET /api/leads", "GET /api/partners");
    assertThat(documented).as("every controller mapping under /api is in the document").containsAll(mapped);
    assertThat(untyped).as("answers described only as 'an object'").isEmpty();
    assertThat(document.at("/components/securitySchemes/staff/scheme").asText()).isEqualTo("basic");
    assertThat(document.at("/components/securitySchemes/partner/scheme").asText()).isEqualTo("bearer");
    assertThat(document.at("/paths/~1api~1partners~1{id}~1webhooks/post/parameters").toString())
        .contains("Idempotency-Key");

    Response ui = http.get("/swagger-ui/index.html");
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }

  /** A schema that says nothing of its fields: no reference, no properties, no typed items or values. */
  private static boolean isUntyped(JsonNode schema) {
    if (schema == null || schema.has("$ref") || schema.has("properties")) {
      return false;
    }
    if (schema.has("items")) {
      return isUntyped(schema.get("items"));
    }
    if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
      return isUntyped(schema.get("additionalProperties"));
    }
    String type = schema.path("type").asText("object");
    return type.equals("object");
  }

  private List<String> eventsOf(String partnerId) {
    return jdbc.queryForList("SELECT event FROM partner_event WHERE partner_id = ? ORDER BY occurred_at, id",
        String.class, partnerId);
  }

  @Test
  void eachDecisionIsToldOnceFromWhereItIsMade() throws Exception {
    emptyRegion("APAC");
    Partner partner = partnerIn("APAC", "Event Partner");
    assertThat(eventsOf(partner.id())).containsExactly("partner.activated");

    ClockUtil.setCurrentTime(new Date());
    String leadId = lead("APAC", "expiring-" + System.nanoTime() + ".example").get("leadId").asText();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(49))));
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(leadId)
        .singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance).timers().singleResult().getId());
    ClockUtil.reset();

    String dealId = register(keyOf(partner.id()), "rejected-" + System.nanoTime() + ".example");
    active.complete(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "REJECT", "reason", "Not a fit"));

    assertThat(http.post("/api/partners/" + partner.id() + "/compliance-breaches",
        "{\"category\":\"REPORTING\",\"detail\":\"No report\"}", MARY).status()).isIn(200, 201);
    active.complete(partner.id(), "IssuePrivateWarning", "mary", Map.of("warningDecision", "SEND", "warningNote",
        "Please send your report"));
    assertThat(http.post("/api/partners/" + partner.id() + "/good-standing", "{\"note\":\"Report received\"}",
        MARY).status()).isEqualTo(202);

    assertThat(eventsOf(partner.id())).containsExactlyInAnyOrder("partner.activated", "lead.offered", "lead.expired",
        "deal.rejected", "warning.issued", "warning.reset");
    JsonNode rejected = json.readTree(jdbc.queryForObject("SELECT payload FROM notification_outbox WHERE "
        + "partner_id = ? AND template = 'deal.rejected'", String.class, partner.id()));
    assertThat(rejected.get("data").get("reason").asText()).isEqualTo("Not a fit");
    assertThat(rejected.get("data").get("dealId").asText()).isEqualTo(dealId);
  }

  /**
   * The rate decision, a protection that ran out, a tier on watch and a tier change are each told once, from where
   * they are decided (SPEC §4 events), and a replayed job tells nothing twice.
   */
  @Test
  void rateDecisionsExpiriesWatchesAndTierChangesAreToldOnce() throws Exception {
    Partner partner = partnerIn("LATAM", "Told Partner");
    Response submitted = http.post("/api/deal-registrations", "{\"customerName\":\"Customer\",\"customerDomain\":\""
        + "rate-" + System.nanoTime() + ".example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\","
        + "\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":1000,\"termMonths\":12,"
        + "\"proposedRate\":12}", keyOf(partner.id()));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    String dealId = body(submitted).get("dealId").asText();
    active.complete(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE", "reason", "Good fit"));
    active.complete(dealId, "ApproveNegotiatedRate", "lena", Map.of("rateDecision", "COUNTER", "approvedRate", 8,
        "rateReason", "Eight is what the account carries"));
    assertThat(eventsOf(partner.id())).containsExactly("partner.activated", "deal.rate_decided", "deal.approved");
    JsonNode rate = json.readTree(jdbc.queryForObject("SELECT payload FROM notification_outbox WHERE partner_id = ? "
        + "AND template = 'deal.rate_decided'", String.class, partner.id()));
    assertThat(rate.get("data").get("dealId").asText()).isEqualTo(dealId);
    assertThat(rate.get("data").toString()).contains("COUNTER");

    // The protection ends (30 days, playbook): the timer fires once; running the same job again tells nothing more.
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(dealId)
        .singleResult().getId();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(31))));
    engine.getManagementService().createJobQuery().processInstanceId(instance).timers().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    ClockUtil.reset();
    assertThat(body(http.get("/api/deal-registrations/" + dealId, MARY)).get("status").asText()).isEqualTo("EXPIRED");
    assertThat(eventsOf(partner.id())).containsExactly("partner.activated", "deal.rate_decided", "deal.approved",
        "deal.expired");

    // A review with commitments but no revenue: the GROWTH partner is on watch (seed 001, tier maintenance).
    jdbc.update("UPDATE partner SET tier = 'GROWTH' WHERE id = ?", partner.id());
    String year = "{\"periodStart\":\"" + java.time.LocalDate.now().minusMonths(11) + "\",\"periodEnd\":\""
        + java.time.LocalDate.now() + "\",\"managementMeetingsHeld\":24,\"ceoMeetingsHeld\":0,"
        + "\"cSuiteMeetingsHeld\":2,\"enablementSessionsHeld\":2,\"certifiedFieldPercent\":80,"
        + "\"businessPlanAgreed\":true,\"commissionQuotaRelief\":true}";
    assertThat(http.put("/api/partners/" + partner.id() + "/commitments", year, MARY).status()).isEqualTo(204);
    assertThat(http.post("/api/tier-reviews", "{\"partnerId\":\"" + partner.id() + "\"}", MARY).status())
        .isEqualTo(202);
    runTierReviewJobs(partner);
    assertThat(eventsOf(partner.id())).contains("tier.on_watch");

    // A manager's placement change, approved by leadership: tier.changed, once.
    Response proposed = http.post("/api/partners/" + partner.id() + "/tier-changes",
        "{\"tier\":\"STRATEGIC\",\"reason\":\"Signed a global agreement\"}", MARY);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
    runTierReviewJobs(partner);
    active.complete(partner.id(), "ApproveTierChange", "lena", Map.of("leadershipDecision", "APPROVE",
        "leadershipReason", "A global agreement"));
    // In any order: the expiry happened at the moved clock's time, 31 days ahead.
    assertThat(eventsOf(partner.id())).containsExactlyInAnyOrder("partner.activated", "deal.rate_decided",
        "deal.approved", "deal.expired", "tier.on_watch", "tier.changed");
    JsonNode changed = json.readTree(jdbc.queryForObject("SELECT payload FROM notification_outbox WHERE "
        + "partner_id = ? AND template = 'tier.changed'", String.class, partner.id()));
    assertThat(changed.get("data").get("fromTier").asText()).isEqualTo("GROWTH");
    assertThat(changed.get("data").toString()).contains("STRATEGIC");
  }

  private void runTierReviewJobs(Partner partner) {
    engine.getManagementService().createJobQuery().processDefinitionKey("tier-review").list().stream()
        .filter(job -> partner.id().equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }
}
