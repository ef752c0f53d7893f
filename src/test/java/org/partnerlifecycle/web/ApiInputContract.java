package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;

/**
 * Issue 20 items 5 and 6 over HTTP: strict JSON (no scalar coercion, every wrong field named), text without control
 * or format characters, Idempotency-Key on every creating POST, problem+json for unknown API paths. Every refusal
 * is checked to store nothing by counting rows before and after.
 */
public abstract class ApiInputContract extends ApiContract {

  private final HttpClient client = HttpClient.newHttpClient();

  record Answer(int status, JsonNode body, String contentType, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** POST with an optional Idempotency-Key; {@code user} null for anonymous, else user:password (same). */
  Answer post(String path, String body, String idempotencyKey, String user) throws Exception {
    HttpRequest.Builder builder = http.builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return send(builder);
  }

  Answer send(HttpRequest.Builder builder) throws Exception {
    HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isEmpty() ? null : json.readTree(response.body());
    return new Answer(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""),
        response);
  }

  int rows(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
  }

  static Set<String> fields(Answer answer) {
    Set<String> fields = new TreeSet<>();
    answer.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  void assertRefused(Answer answer, String... fields) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    if (fields.length > 0) {
      assertThat(fields(answer)).as(answer.raw().body()).contains(fields);
    }
  }

  ObjectNode application(String domain) {
    return json.createObjectNode().put("companyName", "Acme Learning").put("websiteDomain", domain)
        .put("contactName", "Pat Contact").put("contactEmail", "pat@" + domain).put("region", "NA")
        .put("motion", "REFERRAL").put("forecastAnnualRevenue", 150000);
  }

  ObjectNode deal(String partnerId, String domain) {
    return json.createObjectNode().put("partnerId", partnerId).put("customerName", "Globex")
        .put("customerDomain", domain).put("motion", "REFERRAL").put("dealType", "NEW")
        .put("licenseType", "SUBSCRIPTION").put("product", "PLUS").put("estimatedValue", 48000).put("termMonths", 12);
  }

  @Test
  void termMonthsIsAWholeJsonNumberNotAFractionNorText() throws Exception {
    Partner partner = active.active("Strict Co", "strict-" + System.nanoTime() + ".example", "REFERRAL", "150000");
    int before = rows("deal_registration");
    Answer fraction = post("/api/deal-registrations", deal(partner.id(), "frac.example").put("termMonths", 1.7)
        .toString(), null, "mary");
    assertRefused(fraction, "termMonths");
    Answer text = post("/api/deal-registrations", deal(partner.id(), "text.example").put("termMonths", "12")
        .toString(), null, "mary");
    assertRefused(text, "termMonths");
    Answer wholeAsFraction = post("/api/deal-registrations", deal(partner.id(), "dot.example").put("termMonths", 12.0)
        .toString(), null, "mary");
    assertRefused(wholeAsFraction, "termMonths");
    Answer outOfRange = post("/api/deal-registrations", deal(partner.id(), "huge.example")
        .put("termMonths", 99_999_999_999L).toString(), null, "mary");
    assertRefused(outOfRange, "termMonths");
    Answer amountAsText = post("/api/deal-registrations", deal(partner.id(), "amount.example")
        .put("estimatedValue", "48000").toString(), null, "mary");
    assertRefused(amountAsText, "estimatedValue");
    assertThat(rows("deal_registration")).as("nothing stored").isEqualTo(before);

    Answer ok = post("/api/deal-registrations", deal(partner.id(), "fine.example").toString(), null, "mary");
    assertThat(ok.status()).as(ok.raw().body()).isEqualTo(201);
    assertThat(rows("deal_registration")).isEqualTo(before + 1);
  }

  @Test
  void booleansAndTextAreNotCoercedEither() throws Exception {
    Partner partner = active.active("Bool Co", "bool-" + System.nanoTime() + ".example", "REFERRAL", "150000");
    String commitments = "/api/partners/" + partner.id() + "/commitments";
    String valid = "{\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-06-30\",\"managementMeetingsHeld\":2,"
        + "\"ceoMeetingsHeld\":1,\"cSuiteMeetingsHeld\":1,\"enablementSessionsHeld\":1,\"certifiedFieldPercent\":50,"
        + "\"businessPlanAgreed\":%s}";
    Answer textBoolean = send(http.builder(commitments).header("Content-Type", "application/json")
        .header("Authorization", basic("mary")).PUT(HttpRequest.BodyPublishers.ofString(valid.formatted("\"true\""))));
    assertRefused(textBoolean, "businessPlanAgreed");
    Answer numberBoolean = send(http.builder(commitments).header("Content-Type", "application/json")
        .header("Authorization", basic("mary")).PUT(HttpRequest.BodyPublishers.ofString(valid.formatted("1"))));
    assertRefused(numberBoolean, "businessPlanAgreed");

    int before = rows("partner");
    Answer numberAsName = post("/api/partner-applications", application("num.example").put("companyName", 12)
        .toString(), null, null);
    assertRefused(numberAsName, "companyName");
    Answer numberAsEnum = post("/api/leads", "{\"companyName\":\"X\",\"customerDomain\":\"x.example\","
        + "\"region\":\"NA\",\"category\":0}", null, "mary");
    assertRefused(numberAsEnum, "category");
    assertThat(rows("partner")).isEqualTo(before);
  }

  @Test
  void everyWrongFieldOfOneBodyIsListedTypeErrorsAndConstraintsTogether() throws Exception {
    int before = rows("partner");
    ObjectNode body = application("many.example");
    body.put("companyName", 12);
    body.put("forecastAnnualRevenue", "lots");
    body.put("region", "MARS");
    body.remove("contactName");
    body.put("contactEmail", "no-at-sign");
    body.put("tier", "STRATEGIC");
    body.put("x\u202Ey", 1);
    Answer answer = post("/api/partner-applications", body.toString(), null, null);
    assertRefused(answer);
    assertThat(fields(answer)).containsExactlyInAnyOrder("companyName", "forecastAnnualRevenue", "region",
        "contactName", "contactEmail", "tier", "x\\u202Ey");
    assertThat(answer.body().get("detail").asText()).contains("companyName").contains("forecastAnnualRevenue");
    assertThat(rows("partner")).isEqualTo(before);
  }

  @Test
  void textRefusesControlAndUnicodeFormatCharacters() throws Exception {
    int partnersBefore = rows("partner");
    for (String spoof : List.of("Acme\u202Emoc.evil", "Ac\u200Bme", "Acme\u0085", "Acme\u2066x\u2069", "\uFEFFAcme",
        "Acme\u2028Corp")) {
      Answer answer = post("/api/partner-applications", application("spoof.example").put("companyName", spoof)
          .toString(), null, null);
      assertRefused(answer, "companyName");
    }
    // A field with no text pattern of its own (an e-mail address) is held to the same rule.
    assertRefused(post("/api/partner-applications", application("mail.example")
        .put("contactEmail", "pat\u202E@mail.example").toString(), null, null), "contactEmail");
    assertThat(rows("partner")).as("nothing stored").isEqualTo(partnersBefore);

    int leadsBefore = rows("sales_lead");
    assertRefused(post("/api/leads", "{\"companyName\":\"Lead\u200BCo\",\"customerDomain\":\"lead.example\","
        + "\"region\":\"NA\",\"category\":\"SMB\"}", null, "mary"), "companyName");
    assertThat(rows("sales_lead")).isEqualTo(leadsBefore);

    int opportunitiesBefore = rows("direct_opportunity");
    assertRefused(post("/api/direct-opportunities", "{\"customerDomain\":\"direct.example\",\"customerName\":"
        + "\"Glo\u202Ebex\",\"owner\":\"Sam\"}", null, "mary"), "customerName");
    assertThat(rows("direct_opportunity")).isEqualTo(opportunitiesBefore);

    Answer accented = post("/api/partner-applications", application("accent.example")
        .put("companyName", "Société Générale Øresund 東京").toString(), null, null);
    assertThat(accented.status()).as("letters of any script are fine").isEqualTo(201);
  }

  @Test
  void theSameIdempotencyKeyGivesTheSameApplication() throws Exception {
    int before = rows("partner");
    String body = application("idem.example").toString();
    Answer first = post("/api/partner-applications", body, "apply-1", null);
    Answer again = post("/api/partner-applications", body, "apply-1", null);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().get("partnerId").asText()).isEqualTo(first.body().get("partnerId").asText());
    assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(rows("partner")).isEqualTo(before + 1);
    String partnerId = first.body().get("partnerId").asText();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(partnerId).count())
        .isEqualTo(1);
    sealAudit();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE action = 'partner.apply' "
        + "AND subject_id = ?", Integer.class, partnerId)).as("one audit record").isEqualTo(1);

    Answer otherBody = post("/api/partner-applications", application("other.example").toString(), "apply-1", null);
    assertRefused(otherBody, "Idempotency-Key");
    assertRefused(post("/api/partner-applications", application("long.example").toString(), "k".repeat(201), null),
        "Idempotency-Key");
    assertThat(rows("partner")).isEqualTo(before + 1);
  }

  @Test
  void concurrentRetriesOfOneKeyMakeOneApplication() throws Exception {
    int before = rows("partner");
    String body = application("race.example").toString();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Answer>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(() -> post("/api/partner-applications", body, "race-key", null));
      }
      Set<String> partnerIds = new TreeSet<>();
      for (Future<Answer> answer : pool.invokeAll(calls)) {
        assertThat(answer.get().status()).as(answer.get().raw().body()).isEqualTo(201);
        partnerIds.add(answer.get().body().get("partnerId").asText());
      }
      assertThat(partnerIds).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(rows("partner")).isEqualTo(before + 1);
  }

  @Test
  void aRetriedApiKeyIssueAnswersTheSameKeyIdAndNoSecret() throws Exception {
    Partner partner = active.active("Key Co", "key-" + System.nanoTime() + ".example", "REFERRAL", "150000");
    String path = "/api/partners/" + partner.id() + "/api-keys";
    int before = rows("partner_api_key");
    Answer first = post(path, null, "issue-1", "mary");
    Answer again = post(path, null, "issue-1", "mary");
    assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(first.body().get("apiKey").asText()).startsWith("plk_");
    assertThat(again.body().get("keyId").asText()).isEqualTo(first.body().get("keyId").asText());
    assertThat(again.body().has("apiKey")).as("the secret is shown once").isFalse();
    assertThat(again.raw().body()).doesNotContain(first.body().get("apiKey").asText());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(rows("partner_api_key")).isEqualTo(before + 1);

    Partner other = active.active("Key Two", "key2-" + System.nanoTime() + ".example", "REFERRAL", "150000");
    assertRefused(post("/api/partners/" + other.id() + "/api-keys", null, "issue-1", "mary"), "Idempotency-Key");
    assertThat(rows("partner_api_key")).isEqualTo(before + 1);
    // Another caller's key is their own: the same key string from another user creates another key.
    assertThat(post(path, null, "issue-1", "paul").status()).isEqualTo(201);
    assertThat(rows("partner_api_key")).isEqualTo(before + 2);
  }

  @Test
  void breachesLeadsAndDirectOpportunitiesReplayTheirFirstAnswer() throws Exception {
    Partner partner = active.active("Breach Co", "breach-" + System.nanoTime() + ".example", "REFERRAL", "150000");
    String breach = "{\"category\":\"CONDUCT\",\"detail\":\"Claimed platinum status\"}";
    String breaches = "/api/partners/" + partner.id() + "/compliance-breaches";
    int breachesBefore = rows("compliance_breach");
    Answer firstBreach = post(breaches, breach, "breach-1", "mary");
    Answer againBreach = post(breaches, breach, "breach-1", "mary");
    assertThat(firstBreach.status()).as(firstBreach.raw().body()).isIn(200, 201);
    assertThat(againBreach.status()).isEqualTo(firstBreach.status());
    assertThat(againBreach.body()).isEqualTo(firstBreach.body());
    assertThat(againBreach.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(rows("compliance_breach")).isEqualTo(breachesBefore + 1);
    assertRefused(post(breaches, breach.replace("platinum", "gold"), "breach-1", "mary"), "Idempotency-Key");
    assertThat(rows("compliance_breach")).isEqualTo(breachesBefore + 1);

    String lead = "{\"companyName\":\"Lead Co\",\"customerDomain\":\"idem-lead.example\",\"region\":\"NA\","
        + "\"category\":\"SMB\"}";
    int leadsBefore = rows("sales_lead");
    Answer firstLead = post("/api/leads", lead, "lead-1", "mary");
    Answer againLead = post("/api/leads", lead, "lead-1", "mary");
    assertThat(firstLead.status()).as(firstLead.raw().body()).isEqualTo(201);
    assertThat(againLead.status()).isEqualTo(201);
    assertThat(againLead.body().get("leadId").asText()).isEqualTo(firstLead.body().get("leadId").asText());
    assertThat(rows("sales_lead")).isEqualTo(leadsBefore + 1);
    assertRefused(post("/api/leads", lead.replace("NA", "EMEA"), "lead-1", "mary"), "Idempotency-Key");

    String direct = "{\"customerDomain\":\"idem-direct.example\",\"customerName\":\"Globex\",\"owner\":\"Sam\"}";
    int directBefore = rows("direct_opportunity");
    Answer firstDirect = post("/api/direct-opportunities", direct, "direct-1", "mary");
    Answer againDirect = post("/api/direct-opportunities", direct, "direct-1", "mary");
    assertThat(firstDirect.status()).as(firstDirect.raw().body()).isEqualTo(201);
    assertThat(againDirect.body().get("opportunityId").asText())
        .isEqualTo(firstDirect.body().get("opportunityId").asText());
    assertThat(rows("direct_opportunity")).isEqualTo(directBefore + 1);
    assertRefused(post("/api/direct-opportunities", direct.replace("Sam", "Kim"), "direct-1", "mary"),
        "Idempotency-Key");
    assertThat(rows("direct_opportunity")).isEqualTo(directBefore + 1);
    assertThat(rows("sales_lead")).isEqualTo(leadsBefore + 1);
  }

  @Test
  void unknownApiPathsAndMethodsAreProblemJson() throws Exception {
    Answer unknown = send(http.builder("/api/nope").header("Authorization", basic("mary")).GET());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.body().get("status").asInt()).isEqualTo(404);
    Answer deep = send(http.builder("/api/partners/P-1/nope").header("Authorization", basic("mary"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
    assertThat(deep.status()).isEqualTo(404);
    assertThat(deep.contentType()).startsWith("application/problem+json");
    Answer anonymous = send(http.builder("/api/nope").GET());
    assertThat(anonymous.status()).as("an unknown path is unknown to anyone").isEqualTo(404);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    Answer anonymousPost = send(http.builder("/api/partners/P-1/nope").POST(HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json"));
    assertThat(anonymousPost.status()).isEqualTo(404);
    assertThat(anonymousPost.contentType()).startsWith("application/problem+json");
    Answer anonymousKnown = send(http.builder("/api/partners/P-1").GET());
    assertThat(anonymousKnown.status()).as("a known path still asks who is calling").isEqualTo(401);
    assertThat(send(http.builder("/api/partner-applications").GET()).status())
        .as("another method on a public path: authentication first").isEqualTo(401);

    Answer wrongMethod = send(http.builder("/api/partner-applications").header("Authorization", basic("mary"))
        .GET());
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    assertThat(wrongMethod.header("Allow")).contains("POST");
    Answer wrongType = send(http.builder("/api/partner-applications").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("hello")));
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.contentType()).startsWith("application/problem+json");
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
