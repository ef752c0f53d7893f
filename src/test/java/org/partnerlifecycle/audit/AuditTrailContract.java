package org.partnerlifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;

/**
 * A partner's whole life through the API and /engine-rest — onboarding, a deal, a tier review, a warning and its
 * reset — and the auditor's timeline of it, asserted step by step; the hash chain; auditors changing nothing.
 */
abstract class AuditTrailContract extends ApiContract {


  @Test
  void aPartnersWholeLifeCanBeReconstructedStepByStep() throws Exception {
    String partnerId = body(http.post("/api/partner-applications", "{\"companyName\":\"Audited Co\","
        + "\"websiteDomain\":\"audited-" + System.nanoTime() + ".example\",\"contactName\":\"Pat\","
        + "\"contactEmail\":\"pat@audited.example\",\"region\":\"NA\",\"motion\":\"REFERRAL\","
        + "\"forecastAnnualRevenue\":150000}")).get("partnerId").asText();
    completeOverRest(partnerId, "ReviewApplication", MARY,
        "{\"decision\":{\"value\":\"APPROVE\"},\"tier\":{\"value\":\"GROWTH\"}}");
    String key = body(http.post("/api/partners/" + partnerId + "/api-keys", "", MARY)).get("apiKey").asText();
    body(http.post("/api/partners/" + partnerId + "/agreement", "{\"signedBy\":\"Pat\"}", "Bearer", key));
    completeOverRest(partnerId, "AssignPartnerManager", MARY, "{\"partnerManager\":{\"value\":\"mary\"}}");
    completeOverRest(partnerId, "RunOnboardingSession", MARY,
        "{\"sessionHeldOn\":{\"value\":\"2026-03-01\"},\"sessionNotes\":{\"value\":\"Walked through PRM\"}}");

    String dealId = body(http.post("/api/deal-registrations", "{\"customerName\":\"Globex\","
        + "\"customerDomain\":\"globex-audit.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\","
        + "\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":48000,\"termMonths\":12}",
        "Bearer", key)).get("dealId").asText();
    completeOverRest(dealId, "ReviewDealRegistration", MARY, "{\"decision\":{\"value\":\"APPROVE\"}}");
    http.post("/api/deal-registrations/" + dealId + "/close", "{\"outcome\":\"WON\",\"amount\":48000,"
        + "\"closedOn\":\"" + java.time.LocalDate.now() + "\"}", MARY);

    // Commitments short of the standards (a review with none recorded would ask for them first): a breach by system.
    java.time.LocalDate today = java.time.LocalDate.now();
    http.put("/api/partners/" + partnerId + "/commitments", "{\"periodStart\":\"" + today.minusMonths(6)
        + "\",\"periodEnd\":\"" + today.minusDays(1) + "\",\"managementMeetingsHeld\":10,\"ceoMeetingsHeld\":0,"
        + "\"cSuiteMeetingsHeld\":1,\"enablementSessionsHeld\":1,\"certifiedFieldPercent\":50,"
        + "\"businessPlanAgreed\":false}", MARY);
    body(http.post("/api/tier-reviews", "{\"partnerId\":\"" + partnerId + "\"}", MARY));
    engine.getManagementService().createJobQuery().processDefinitionKey("tier-review").list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    body(http.post("/api/partners/" + partnerId + "/compliance-breaches",
        "{\"category\":\"REPORTING\",\"detail\":\"No quarterly report\"}", MARY));
    completeOverRest(partnerId, "IssuePrivateWarning", MARY, "{\"warningDecision\":{\"value\":\"SEND\"},\"warningNote\":{\"value\":\"Please report\"}}");
    body(http.post("/api/partners/" + partnerId + "/good-standing", "{\"note\":\"Report received\"}", MARY));

    JsonNode partnerTimeline = body(http.get("/api/audit/partners/" + partnerId, ADA));
    List<String> steps = new ArrayList<>();
    for (JsonNode entry : partnerTimeline.get("entries")) {
      steps.add(entry.get("type").asText() + " by " + entry.get("actor").asText());
    }
    // Entries of one transaction may share a millisecond, so the subsequence names one entry per step.
    assertThat(steps).containsSubsequence(
        "partner.apply by anonymous",
        "rule.tier.onboardingProposal by rules",
        "task.claim by mary",
        "task.complete ReviewApplication by mary",
        "partner.apiKeyIssued by mary",
        "partner.agreementSigned by partner:" + partnerId,
        "task.complete AssignPartnerManager by mary",
        "task.complete RunOnboardingSession by mary",
        "rule.eligibility.launchMethods by rules",
        "ledger.REVENUE_SHARE by system",
        "partner.tierReviewRequested by mary",
        "rule.tier.qualification by rules",
        "partner.complianceBreach by mary",
        "task.complete IssuePrivateWarning by mary",
        "partner.goodStanding by mary",
        "warning.RESET by mary");
    assertThat(steps).contains("task.created by system", "task.completed by mary", "warning.WARNED by mary",
        "partner.complianceBreach by system", "process.started by system", "process.ended by system")
        .doesNotContain("timer.fired by system");
    JsonNode review = find(partnerTimeline, "task.complete ReviewApplication");
    assertThat(review.get("details").get("details").asText()).contains("\"decision\":\"APPROVE\"")
        .contains("\"tier\":\"GROWTH\"");
    JsonNode rule = find(partnerTimeline, "rule.tier.onboardingProposal");
    assertThat(rule.get("details").get("terms_version").asText()).isEqualTo(
        Terms2026.inEffect(java.time.LocalDate.now()));
    assertThat(rule.get("details").get("inputs").asText()).contains("forecastAnnualRevenue");
    assertThat(rule.get("summary").asText()).contains("150,000.00");

    JsonNode dealTimeline = body(http.get("/api/audit/deal-registrations/" + dealId, ADA));
    List<String> dealSteps = new ArrayList<>();
    dealTimeline.get("entries").forEach(e -> dealSteps.add(e.get("type").asText()));
    assertThat(dealSteps).containsSubsequence("deal.register", "process.started", "rule.incentive.rate",
        "task.complete ReviewDealRegistration", "deal.closed", "rule.payout.wonDeal", "ledger.REVENUE_SHARE");
    assertThat(dealSteps).contains("process.ended", "task.claim", "task.completed");

    Response csv = http.get("/api/audit/deal-registrations/" + dealId + "?format=csv", ADA);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("at,source,type,actor,summary,details\n").contains("\"deal.register\"");
    JsonNode firstTwo = body(http.get("/api/audit/partners/" + partnerId + "?size=2&page=0", ADA));
    assertThat(firstTwo.get("entries")).hasSize(2);
    assertThat(firstTwo.get("total").asInt()).isEqualTo(partnerTimeline.get("total").asInt());
    assertThat(body(http.get("/api/audit/partners/" + partnerId + "?from=2999-01-01", ADA)).get("entries"))
        .isEmpty();
    assertThat(http.get("/api/audit/partners/" + partnerId + "?from=yesterday", ADA).body())
        .contains("\"field\":\"from\"");

    assertThat(http.get("/api/audit/partners/" + partnerId, MARY).status()).isEqualTo(403);
    assertThat(http.get("/api/audit/partners/" + partnerId, "Bearer", key).status()).isEqualTo(403);
    assertThat(body(http.get("/api/audit/verify", ADA)).get("intact").asBoolean()).isTrue();
  }

  private static JsonNode find(JsonNode timeline, String type) {
    for (JsonNode entry : timeline.get("entries")) {
      if (entry.get("type").asText().equals(type)) {
        return entry;
      }
    }
    throw new AssertionError("No " + type + " in the timeline");
  }

  @Test
  void auditorsAreRefusedEveryWrite() {
    String p = "/api/partners/P-ANY";
    List<Map.Entry<String, String>> writes = List.of(
        Map.entry("POST " + p + "/agreement", "{\"signedBy\":\"x\"}"),
        Map.entry("POST " + p + "/api-keys", ""),
        Map.entry("DELETE " + p + "/api-keys/key-1", ""),
        Map.entry("PUT " + p + "/commitments", "{\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-06-30\","
            + "\"managementMeetingsHeld\":1,\"ceoMeetingsHeld\":0,\"cSuiteMeetingsHeld\":0,"
            + "\"enablementSessionsHeld\":0,\"certifiedFieldPercent\":0,\"businessPlanAgreed\":false}"),
        Map.entry("POST " + p + "/compliance-breaches", "{\"category\":\"OTHER\",\"detail\":\"x\"}"),
        Map.entry("POST " + p + "/good-standing", "{\"note\":\"x\"}"),
        Map.entry("POST " + p + "/reinstatement", "{\"note\":\"x\"}"),
        Map.entry("POST /api/deal-registrations", "{\"partnerId\":\"P-ANY\",\"customerName\":\"C\","
            + "\"customerDomain\":\"c.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\","
            + "\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":1,\"termMonths\":1}"),
        Map.entry("POST /api/deal-registrations/D-ANY/extension-request", ""),
        Map.entry("POST /api/deal-registrations/D-ANY/close", "{\"outcome\":\"WON\",\"amount\":1,"
            + "\"closedOn\":\"2026-01-01\"}"),
        Map.entry("POST /api/deal-registrations/D-ANY/cancellation", "{\"cancelledOn\":\"2026-01-01\",\"reason\":\"x\"}"),
        Map.entry("POST /api/direct-opportunities", "{\"customerDomain\":\"c.example\",\"customerName\":\"C\","
            + "\"owner\":\"o\"}"),
        Map.entry("POST /api/tier-reviews", "{}"));
    int auditRows = jdbc.queryForObject("SELECT count(*) FROM audit_record", Integer.class);
    for (Map.Entry<String, String> write : writes) {
      String[] methodAndPath = write.getKey().split(" ");
      Response response = switch (methodAndPath[0]) {
        case "PUT" -> http.put(methodAndPath[1], write.getValue(), ADA);
        case "DELETE" -> http.delete(methodAndPath[1], ADA);
        default -> http.post(methodAndPath[1], write.getValue(), ADA);
      };
      assertThat(response.status()).as(write.getKey()).isIn(403, 404);
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record", Integer.class)).isEqualTo(auditRows);
  }

  /** The terms version in effect on a day (terms 2026-12-01 from that day on). */
  static final class Terms2026 {
    static String inEffect(java.time.LocalDate day) {
      return day.isBefore(java.time.LocalDate.parse("2026-12-01")) ? "2026-01-01" : "2026-12-01";
    }
  }
}
