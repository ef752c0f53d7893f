package org.partnerlifecycle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRequest;
import org.partnerlifecycle.deal.DealRegistrationService;
import org.partnerlifecycle.lead.LeadCategory;
import org.partnerlifecycle.lead.LeadRoutingService;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerApplicationRequest;
import org.partnerlifecycle.partner.PartnerApplicationService;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.security.ApiKeys;
import org.partnerlifecycle.support.ActivePartners;
import org.partnerlifecycle.support.Http;
import org.partnerlifecycle.support.Http.Response;
import org.partnerlifecycle.support.WebappSession;
import org.partnerlifecycle.tier.TierReviewRepository;
import org.partnerlifecycle.tier.TierReviewRepository.CommitmentRecord;
import org.partnerlifecycle.tier.TierReviewScheduler;
import org.partnerlifecycle.warning.BreachCategory;
import org.partnerlifecycle.mdf.MdfService;
import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.warning.WarningService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 10,000 malformed or hostile requests against every endpoint (wrong types, huge strings, unicode, negative and
 * enormous numbers, missing fields, SQL and expression injection, other partners' ids), from every kind of
 * caller: never a 5xx, a refused request (4xx) stores nothing, and a partner never sees another partner's id, in
 * an answer or in an error (unless it sent the id itself). The engine's task work is fuzzed on both of its REST
 * roots: {@code /engine-rest} and Tasklist's own {@code /camunda/api/engine} (webapp sessions with CSRF tokens).
 * Seeded, so a failure can be replayed.
 */
abstract class ApiFuzzContract {

  static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
  static final long SEED = Long.getLong("fuzz.seed", 20261124L);

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Autowired
  PartnerApplicationService applications;
  @Autowired
  PartnerRepository partners;
  @Autowired
  DealRegistrationService registrations;
  @Autowired
  ApiKeys apiKeys;
  @Autowired
  LeadRoutingService leadRouting;
  @Autowired
  WarningService warnings;
  @Autowired
  TierReviewScheduler tierReviewScheduler;
  @Autowired
  TierReviewRepository tierReviews;
  @Autowired
  MdfService mdf;
  @Autowired
  JdbcTemplate jdbc;
  /** Business keys of the processes whose open tasks the run works on. */
  private final List<String> fuzzProcesses = new ArrayList<>();

  final ObjectMapper json = new ObjectMapper();
  final Random random = new Random(SEED);

  static final List<Object> HOSTILE = List.of("", " ", "' OR '1'='1' --", "\"; DROP TABLE partner; --",
      "${7*7}", "#{7*7}", "${jndi:ldap://x/a}", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000",
      "\uD83D\uDE00 ünïcødé 名前", "x".repeat(100_000), "NaN", "-1", "1e309", -1, 0, -999999999999L,
      Long.MAX_VALUE, 1e308, -1e308, 3.14159, true, false, "null", "[]", "{}", "P-OTHER", "D-OTHER");

  @Test
  void noHostileRequestGetsA5xxOrAnotherPartnersData() throws Exception {
    ActivePartners active = new ActivePartners(engine, applications, partners);
    Partner mine = active.active("Fuzz Mine", "fuzz-mine.example", "REFERRAL", "150000");
    Partner other = active.active("Fuzz Other", "fuzz-other.example", "REFERRAL", "150000");
    DealRegistration otherDeal = registrations.submit(other.id(), new DealRegistrationRequest(null, "Other customer",
        "other-customer.example", "REFERRAL", "NEW", "SUBSCRIPTION", "PLUS", new BigDecimal("1000"), 12,
        null), "partner:" + other.id(), null, "x").deal();
    String mineKey = apiKeys.issue(mine.id(), "mary").apiKey();
    List<String[]> callers = List.of(new String[0], new String[] {"Bearer", mineKey}, new String[] {"ada", "ada"},
        new String[] {"mary", "mary"}, new String[] {"lena", "lena"}, new String[] {"Bearer", "plk_forged"});

    String p = mine.id();
    String o = other.id();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String otherMdf = mdf.submit(o, new MdfService.NewRequest("Other event", MdfUse.EVENT, new BigDecimal("500"),
        LocalDate.parse(today), 5), "partner:" + o).id();
    Map<String, String> templates = new TreeMap<>(Map.ofEntries(
        Map.entry("POST /api/partner-applications", "{\"companyName\":\"A\",\"websiteDomain\":\"a.example\","
            + "\"contactName\":\"C\",\"contactEmail\":\"c@a.example\",\"region\":\"NA\",\"motion\":\"REFERRAL\","
            + "\"forecastAnnualRevenue\":1000}"),
        Map.entry("POST /api/deal-registrations", "{\"partnerId\":\"" + p + "\",\"customerName\":\"G\","
            + "\"customerDomain\":\"g.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\","
            + "\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":100,\"termMonths\":12,"
            + "\"proposedRate\":5}"),
        Map.entry("POST /api/partners/{p}/agreement", "{\"signedBy\":\"S\"}"),
        Map.entry("PUT /api/partners/{p}/commitments", "{\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\","
            + "\"managementMeetingsHeld\":1,\"ceoMeetingsHeld\":0,\"cSuiteMeetingsHeld\":0,"
            + "\"enablementSessionsHeld\":0,\"certifiedFieldPercent\":0,\"businessPlanAgreed\":false}"),
        Map.entry("POST /api/partners/{p}/compliance-breaches", "{\"category\":\"OTHER\",\"detail\":\"d\"}"),
        Map.entry("POST /api/partners/{p}/good-standing", "{\"note\":\"n\"}"),
        Map.entry("POST /api/partners/{p}/reinstatement", "{\"note\":\"n\"}"),
        Map.entry("POST /api/deal-registrations/{d}/close", "{\"outcome\":\"WON\",\"amount\":10,"
            + "\"closedOn\":\"2026-01-01\"}"),
        Map.entry("POST /api/deal-registrations/{d}/cancellation", "{\"cancelledOn\":\"2026-01-01\",\"reason\":\"r\"}"),
        Map.entry("POST /api/deal-registrations/{d}/extension-request", ""),
        Map.entry("POST /api/deal-registrations/{d}/adjustment", "{\"newAmount\":5,\"effectiveOn\":\"2026-01-01\","
            + "\"reason\":\"r\"}"),
        Map.entry("PUT /api/partners/{p}/motions", "{\"motions\":[\"REFERRAL\",\"OEM\"]}"),
        Map.entry("GET /api/partners/{p}/motions", ""),
        Map.entry("POST /api/direct-opportunities", "{\"customerDomain\":\"d.example\",\"customerName\":\"D\","
            + "\"owner\":\"O\"}"),
        Map.entry("POST /api/tier-reviews", "{\"partnerId\":\"" + p + "\"}"),
        Map.entry("POST /api/partners/{p}/tier-changes", "{\"tier\":\"STRATEGIC\",\"reason\":\"r\"}"),
        Map.entry("GET /api/partners/{p}/health", ""),
        Map.entry("GET /api/partners/{p}", ""), Map.entry("GET /api/partners", ""),
        Map.entry("GET /api/partners/{p}/ledger", ""), Map.entry("GET /api/partners/{p}/tier-history", ""),
        Map.entry("GET /api/partners/{p}/warning-history", ""), Map.entry("GET /api/directory", ""),
        Map.entry("GET /api/deal-registrations/{d}", ""), Map.entry("GET /api/audit/partners/{p}", ""),
        Map.entry("GET /api/audit/deal-registrations/{d}", ""), Map.entry("GET /api/audit/verify", ""),
        Map.entry("POST /api/partners/{p}/api-keys", ""), Map.entry("GET /api/partners/{p}/api-keys", ""),
        Map.entry("DELETE /api/partners/{p}/api-keys/{k}", ""),
        Map.entry("POST /api/leads", "{\"companyName\":\"L\",\"customerDomain\":\"l.example\",\"region\":\"NA\","
            + "\"category\":\"SMB\"}"),
        Map.entry("POST /api/leads/{l}/accept", ""), Map.entry("POST /api/leads/{l}/decline", ""),
        Map.entry("GET /api/leads/transparency?from={from}&to={to}", ""),
        // The partner's side (issue 25): lists, webhooks, deliveries, notifications.
        Map.entry("GET /api/deal-registrations?status=SUBMITTED&page=0&size=20", ""),
        Map.entry("GET /api/leads?status=OFFERED", ""), Map.entry("GET /api/partners?status=ACTIVE&region=NA", ""),
        Map.entry("POST /api/partners/{p}/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\","
            + "\"events\":[\"lead.offered\"]}"),
        Map.entry("GET /api/partners/{p}/webhooks", ""), Map.entry("GET /api/partners/{p}/webhook-deliveries", ""),
        Map.entry("GET /api/partners/{p}/notifications?channel=EMAIL", ""),
        // Engagement, health and KPIs (issue 28).
        Map.entry("POST /api/partners/{p}/meetings", "{\"heldOn\":\"" + yesterdayText() + "\",\"kind\":\"QBR\","
            + "\"attendees\":[{\"name\":\"N\",\"level\":\"C_LEVEL\"}],\"notes\":\"n\"}"),
        Map.entry("GET /api/partners/{p}/meetings", ""),
        Map.entry("GET /api/program/kpis?from={from}&to={to}", ""),
        // MDF (issue 29).
        Map.entry("POST /api/mdf-requests", "{\"activity\":\"A\",\"use\":\"EVENT\",\"amount\":100,"
            + "\"plannedOn\":\"" + today + "\",\"expectedLeads\":1}"),
        Map.entry("GET /api/mdf-requests/{m}", ""), Map.entry("GET /api/partners/{p}/mdf", ""),
        Map.entry("POST /api/mdf-requests/{m}/claim", "{\"receiptAmount\":50,\"leadsGenerated\":1,"
            + "\"pipelineValue\":10,\"evidenceNote\":\"e\"}"),
        Map.entry("POST /api/mdf-requests/{m}/reimbursement-payment", "{\"paidOn\":\"" + today + "\","
            + "\"reference\":\"r\"}"),
        Map.entry("GET /api/program/mdf-roi?from={from}&to={to}", ""),
        Map.entry("POST /engine-rest/task/{t}/complete#mdf", "{\"variables\":{\"mdfDecision\":"
            + "{\"value\":\"REJECT\"},\"mdfReason\":{\"value\":\"r\"}}}"),
        // The engine's REST API as Tasklist uses it: task completions with the forms' variables, hostile ones too.
        Map.entry("POST /engine-rest/task/{t}/complete", "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},"
            + "\"reason\":{\"value\":\"r\"},\"proposedRate\":{\"value\":5,\"type\":\"Double\"}}}"),
        // As Tasklist submits an application review; on another task's form these fields are refused.
        Map.entry("POST /engine-rest/task/{t}/submit-form", "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},"
            + "\"tier\":{\"value\":\"GROWTH\"},\"reason\":{\"value\":\"r\"}}}"),
        // The same endpoint with the tier review's and the extension review's fields ("#…" only tells them apart).
        Map.entry("POST /engine-rest/task/{t}/complete#tier", "{\"variables\":{\"tierDecision\":{\"value\":"
            + "\"OVERRIDE\"},\"overrideTier\":{\"value\":\"STRATEGIC\"},\"tierReason\":{\"value\":\"r\"}}}"),
        Map.entry("POST /engine-rest/task/{t}/complete#warning", "{\"variables\":{\"warningDecision\":"
            + "{\"value\":\"DISMISS\"},\"dismissReason\":{\"value\":\"r\"}}}"),
        Map.entry("POST /engine-rest/task/{t}/complete#extension", "{\"variables\":{\"extensionDecision\":"
            + "{\"value\":\"REJECT\"},\"extensionReason\":{\"value\":\"r\"}}}"),
        Map.entry("POST /engine-rest/task/{t}/claim", "{\"userId\":\"mary\"}"),
        Map.entry("POST /engine-rest/task/{t}/bpmnError", "{\"errorCode\":\"x\"}"),
        Map.entry("DELETE /engine-rest/task/{t}", ""),
        Map.entry("POST /engine-rest/task/{t}/variables", "{\"modifications\":{\"reason\":{\"value\":\"r\"}}}"),
        Map.entry("GET /engine-rest/task/{t}/form-variables", ""), Map.entry("GET /engine-rest/task", ""),
        Map.entry("POST /engine-rest/process-definition/key/deal-registration/start",
            "{\"businessKey\":\"D-NOPE\",\"variables\":{\"dealId\":{\"value\":\"D-NOPE\"}}}"),
        Map.entry("GET /engine-rest/history/process-instance", "")));
    // Tasklist's own REST root (a webapp session with its CSRF token): the same task work, with the same rules.
    for (String endpoint : List.copyOf(templates.keySet())) {
      if (endpoint.contains(" /engine-rest/task")) {
        templates.put(endpoint.replace(" /engine-rest/", " " + WebappSession.ENGINE_ROOT + "/"), templates.get(endpoint));
      }
    }
    List<WebappSession> sessions = new ArrayList<>(List.of(WebappSession.tasklist(port, "mary"),
        WebappSession.tasklist(port, "lena"), WebappSession.login(port, "cockpit", "ada", "ada")));
    sessions.add(null); // no session
    Map<Integer, Integer> webappStatuses = new TreeMap<>();
    List<String> leads = new ArrayList<>(List.of("L-NOPE", "%27%20OR%201=1"));
    for (int n = 0; n < 3; n++) {
      leads.add(leadRouting.create("Fuzz lead " + n, "fuzz-lead-" + n + ".example", "NA", LeadCategory.SMB, "mary")
          .leadId());
    }
    // Review tasks to complete, claim and fill in (and, once approved, leadership's rate tasks).
    for (int n = 0; n < 20; n++) {
      fuzzProcesses.add(registrations.submit(p, new DealRegistrationRequest(null, "Fuzz customer " + n, "fuzz-customer-"
          + n + ".example", "REFERRAL", "NEW", "SUBSCRIPTION", "PLUS", new BigDecimal("1000"), 12, null),
          "partner:" + p, null, "fuzz-" + n).deal().id());
    }
    // Other processes' tasks too: application reviews (and Strategic placements), and a private warning.
    for (int n = 0; n < 4; n++) {
      fuzzProcesses.add(applications.apply(new PartnerApplicationRequest("Fuzz applicant "
          + n, "fuzz-applicant-" + n + ".example", "Pat", "pat@fuzz-applicant-" + n + ".example", "NA", "REFERRAL",
          new BigDecimal(n % 2 == 0 ? "150000" : "400000"))).id());
    }
    warnings.raiseBreach(o, BreachCategory.REPORTING, "No report", "API", "mary");
    fuzzProcesses.add(o);
    // MDF requests to review: the partner's own, and the other partner's, which it must never see.
    List<String> mdfRequests = new ArrayList<>(List.of(otherMdf, "MDF-NOPE", "%27%20OR%201=1"));
    for (int n = 0; n < 3; n++) {
      String requestId = mdf.submit(p, new MdfService.NewRequest("Fuzz event " + n, MdfUse.EVENT,
          new BigDecimal("500"), LocalDate.parse(today), 5), "partner:" + p).id();
      mdfRequests.add(requestId);
      fuzzProcesses.add(requestId);
    }
    // A tier change to confirm (two large wins make partner "mine" STRATEGIC material) and extensions to review.
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    for (int n = 0; n < 4; n++) {
      String dealId = registrations.submit(p, new DealRegistrationRequest(null, "Fuzz approved " + n,
          "fuzz-approved-" + n + ".example", "REFERRAL", "NEW", "SUBSCRIPTION", "PLUS", new BigDecimal("200000"), 12,
          null), "partner:" + p, null, "fuzz-approved-" + n).deal().id();
      active.complete(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE"));
      if (n < 2) {
        registrations.close(dealId, "WON", new BigDecimal("200000"), yesterday);
      } else {
        registrations.requestExtension(dealId);
        fuzzProcesses.add(dealId);
      }
    }
    tierReviews.saveCommitments(p, new CommitmentRecord(yesterday.minusYears(1), yesterday, 52, 1, 4, 4, 90, true,
        40, "MODERATE", true, true), "mary", Instant.now());
    tierReviewScheduler.startReview(p);
    engine.getManagementService().createJobQuery().processDefinitionKey("tier-review").list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    fuzzProcesses.add(p);
    List<String> endpoints = new ArrayList<>(templates.keySet());
    List<Task> openBefore = openTasks();
    assertThat(openBefore).extracting(Task::getTaskDefinitionKey).contains("ReviewDealRegistration",
        "ReviewApplication", "IssuePrivateWarning", "ReviewExtensionRequest", "ConfirmTierChange");
    Http http = new Http(port);
    int fiveHundreds = 0;
    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    String rowCountQuery = rowCountQuery();
    Map<String, Object> rows = jdbc.queryForMap(rowCountQuery);
    for (int i = 0; i < REQUESTS; i++) {
      String endpoint = endpoints.get(random.nextInt(endpoints.size()));
      String[] methodAndPath = endpoint.replaceFirst("#.*", "").split(" ");
      String path = methodAndPath[1].replace("{p}", pick(p, o, "P-NOPE", "%27%20OR%201=1", "P-" + "9".repeat(300)))
          .replace("{d}", pick(otherDeal.id(), "D-NOPE", "..%2F..", "D-\u00e9"))
          .replace("{k}", pick("key-1", "x"))
          .replace("{m}", mdfRequests.get(random.nextInt(mdfRequests.size())))
          .replace("{l}", leads.get(random.nextInt(leads.size())))
          .replace("{t}", openTaskOr("nope", "%27%20OR%201=1", "x".repeat(300)))
          .replace("{from}", pick("2026-01-01", "2026-13-45", "yesterday", ""))
          .replace("{to}", pick("2027-01-01", "2025-01-01", "%00", "9".repeat(30)));
      if (random.nextInt(10) == 0) {
        path += (path.contains("?") ? "&" : "?") + "limit=" + pick("-1", "abc", "999999999999", "1") + "&format="
            + pick("xml", "csv", "json") + "&from=" + pick("yesterday", "2026-13-45", "2026-01-01");
      }
      String body = mutate(templates.get(endpoint));
      String[] caller = callers.get(random.nextInt(callers.size()));
      if (path.startsWith("/camunda/")) {
        WebappSession session = sessions.get(random.nextInt(sessions.size()));
        String contentType = random.nextInt(20) == 0 ? "text/plain" : "application/json";
        Response response = session == null ? http.send(http.builder(path).header("Content-Type", contentType)
            .method(methodAndPath[0], HttpRequest.BodyPublishers.ofString(body)))
            : session.send(methodAndPath[0], path, contentType, body.isEmpty() ? null : body);
        String who = session == null ? "no session" : "a webapp session";
        rows = check(endpoint, path, who, body, response, statuses, failures, rowCountQuery, rows);
        fiveHundreds += response.status() >= 500 ? 1 : 0;
        webappStatuses.merge(response.status(), 1, Integer::sum);
        continue;
      }
      HttpRequest.Builder request = http.builder(path).header("Content-Type", random.nextInt(20) == 0
          ? "text/plain" : "application/json");
      if (caller.length == 2) {
        request.header("Authorization", caller[0].equals("Bearer") ? "Bearer " + caller[1]
            : "Basic " + java.util.Base64.getEncoder().encodeToString((caller[0] + ":" + caller[1]).getBytes()));
      }
      if (random.nextInt(8) == 0) {
        request.header("Idempotency-Key", pick("k", "", "x".repeat(500), "\u00fc"));
      }
      request.method(methodAndPath[0], body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body));
      Response response = http.send(request);
      rows = check(endpoint, path, caller.length == 2 ? caller[0] : "anonymous", body, response, statuses, failures,
          rowCountQuery, rows);
      fiveHundreds += response.status() >= 500 ? 1 : 0;
      // Nor in an error: unless the request itself named the id (an answer may echo what it was asked).
      if (caller.length == 2 && caller[1].equals(mineKey)) {
        for (String theirs : List.of(o, otherDeal.id(), otherMdf)) {
          if (!path.contains(theirs) && !body.contains(theirs)) {
            assertThat(response.body()).as(endpoint + " " + response.status() + " leaks the other partner")
                .doesNotContain(theirs);
          }
        }
      }
    }
    List<String> openAfter = openTasks().stream().map(Task::getTaskDefinitionKey).sorted().toList();
    System.out.printf("%nFUZZ: %d requests (seed %d), statuses %s; rows counted after each in %d tables; open tasks "
        + "of its processes: %d before, %d after (%s)%n%n", REQUESTS, SEED, statuses, rows.size(), openBefore.size(),
        openAfter.size(), openAfter);
    System.out.printf("FUZZ: of which through Tasklist's root: %s%n%n", webappStatuses);
    assertThat(failures).as(fiveHundreds + " responses were 5xx; refused requests that stored rows are listed")
        .isEmpty();
    assertThat(webappStatuses.keySet()).as("the webapps' root did work, not only refuse").anyMatch(status -> status < 300);
  }

  /** Records the answer's status and any failure (a 5xx, or a refusal that stored rows); the row counts after. */
  private Map<String, Object> check(String endpoint, String path, String caller, String body, Response response,
      Map<Integer, Integer> statuses, List<String> failures, String rowCountQuery, Map<String, Object> rows) {
    statuses.merge(response.status(), 1, Integer::sum);
    if (response.status() >= 500 && failures.size() < 10) {
      failures.add(endpoint + " " + path + " as " + caller + " -> " + response.status() + " "
          + response.body().substring(0, Math.min(300, response.body().length())) + " body="
          + body.substring(0, Math.min(200, body.length())));
    }
    Map<String, Object> rowsAfter = jdbc.queryForMap(rowCountQuery);
    if (response.status() >= 400 && response.status() < 500 && !rowsAfter.equals(rows) && failures.size() < 10) {
      failures.add(endpoint + " " + path + " answered " + response.status() + " but stored rows: " + rows + " -> "
          + rowsAfter + " body=" + body.substring(0, Math.min(200, body.length())));
    }
    return rowsAfter;
  }

  /**
   * One query counting the rows in every table of ours and the engine's, read from the schema so that a new table
   * is counted too. The engine's meter tables are left out: its metrics reporter writes them on its own schedule.
   * No job executor runs here, so only requests write.
   */
  private static String yesterdayText() {
    return LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
  }

  private String rowCountQuery() {
    String schema = jdbc.execute((Connection connection) -> connection.getSchema());
    List<String> counts = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
        + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' AND LOWER(TABLE_NAME) <> 'flyway_schema_history' "
        + "AND UPPER(TABLE_NAME) NOT LIKE 'ACT\\_%METER\\_LOG' ESCAPE '\\' ORDER BY TABLE_NAME", String.class,
        schema)
        .stream().map(table -> "(SELECT count(*) FROM \"" + table + "\") \"" + table + "\"").toList();
    assertThat(counts).as("tables counted").hasSizeGreaterThan(40);
    return "SELECT " + String.join(", ", counts);
  }

  /**
   * Mostly the id of an open task of the run's processes (deal reviews and rate approvals, application reviews and
   * placements, a private warning, extension reviews, a tier change to confirm), else one of {@code others}. In name
   * order (each names its deal or partner), so that the seed replays the run.
   */
  private String openTaskOr(String... others) {
    List<Task> open = openTasks();
    return open.isEmpty() || random.nextInt(4) == 0 ? pick(others) : open.get(random.nextInt(open.size())).getId();
  }

  private List<Task> openTasks() {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKeyIn(fuzzProcesses.toArray(String[]::new))
        .list().stream().sorted(Comparator.comparing(Task::getName)).toList();
  }

  private String pick(String... values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * Camunda variables ({@code {"name": {"value": …, "type": …}}}): one removed, given a hostile value or type, or
   * one added — also the variables the processes' gateways and timers read, which only the engine sets.
   */
  private void mutateVariables(ObjectNode variables) {
    List<String> names = new ArrayList<>();
    variables.fieldNames().forEachRemaining(names::add);
    int changes = 1 + random.nextInt(3);
    for (int c = 0; c < changes; c++) {
      String name = names.isEmpty() || random.nextInt(3) == 0
          ? pick("dealId", "partnerId", "rateNeedsApproval", "reviewDueAt", "tierWouldChange", "failingReviewsAfter",
              "decision", "tier", "overrideTier", "needsLeadership", "approvedRate", "x".repeat(300), "${7*7}")
          : names.get(random.nextInt(names.size()));
      ObjectNode variable = json.createObjectNode();
      variable.set("value", json.valueToTree(HOSTILE.get(random.nextInt(HOSTILE.size()))));
      switch (random.nextInt(4)) {
        case 0 -> variables.remove(name);
        case 1 -> variables.set(name, variable);
        case 2 -> variables.set(name, variable.put("type", pick("String", "Integer", "Long", "Double", "Boolean",
            "Date", "Json", "Xml", "Object", "Bytes", "File", "Null", "Foo", "")));
        default -> variables.set(name, json.valueToTree(HOSTILE.get(random.nextInt(HOSTILE.size()))));
      }
    }
  }

  /** The valid body, or one with a field removed, retyped, replaced by a hostile value, or not JSON at all. */
  private String mutate(String template) throws Exception {
    int dice = random.nextInt(12);
    if (template.isEmpty()) {
      return dice < 9 ? "" : pick("{}", "garbage", "x".repeat(10_000));
    }
    if (dice == 0) {
      return template;
    }
    if (dice == 1) {
      return pick("", "{", "[1,2]", "null", "\"text\"", "{\"a\":", "\u0000\u0001", "{}".repeat(1000));
    }
    ObjectNode body = (ObjectNode) json.readTree(template);
    if (body.get("variables") instanceof ObjectNode variables && random.nextBoolean()) {
      mutateVariables(variables);
      return body.toString();
    }
    if (body.get("modifications") instanceof ObjectNode modifications && random.nextBoolean()) {
      mutateVariables(modifications);
      return body.toString();
    }
    List<String> fields = new ArrayList<>();
    Iterator<String> names = body.fieldNames();
    names.forEachRemaining(fields::add);
    int changes = 1 + random.nextInt(3);
    for (int c = 0; c < changes; c++) {
      String field = fields.get(random.nextInt(fields.size()));
      Object hostile = HOSTILE.get(random.nextInt(HOSTILE.size()));
      switch (random.nextInt(4)) {
        case 0 -> body.remove(field);
        case 1 -> body.set(field, json.valueToTree(hostile));
        case 2 -> body.set(field, json.createArrayNode().add(String.valueOf(hostile)));
        default -> body.put("unexpected" + c, String.valueOf(hostile));
      }
    }
    return body.toString();
  }
}
