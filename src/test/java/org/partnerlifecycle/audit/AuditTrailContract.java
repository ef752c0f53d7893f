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
    // Structured JSON: the form values are fields of the record's details, with the task's resolved name.
    assertThat(review.get("details").get("details").get("decision").asText()).isEqualTo("APPROVE");
    assertThat(review.get("details").get("details").get("tier").asText()).isEqualTo("GROWTH");
    assertThat(review.get("details").get("details").get("task").asText()).isEqualTo("Review application — Audited Co");
    assertThat(review.get("summary").asText()).startsWith("Completed Review application — Audited Co: decision APPROVE");
    assertThat(partnerTimeline.toString()).doesNotContain("${");
    assertThat(org.partnerlifecycle.timeline.TimelineJson.stringsHoldingJson(partnerTimeline))
        .as("no string in the timeline is itself JSON").isEmpty();
    JsonNode rule = find(partnerTimeline, "rule.tier.onboardingProposal");
    assertThat(rule.get("details").get("terms_version").asText()).isEqualTo(
        Terms2026.inEffect(java.time.LocalDate.now()));
    assertThat(rule.get("details").get("inputs").isObject()).isTrue();
    assertThat(rule.get("details").get("inputs").toString()).contains("forecastAnnualRevenue");
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
    sealAudit();
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
    sealAudit();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record", Integer.class)).isEqualTo(auditRows);
  }

  /** The terms version in effect on a day (terms 2026-12-01 from that day on). */
  static final class Terms2026 {
    static String inEffect(java.time.LocalDate day) {
      return day.isBefore(java.time.LocalDate.parse("2026-12-01")) ? "2026-01-01" : "2026-12-01";
    }
  }

  /** The program admin of this context (camunda-admin). */
  abstract String[] admin();

  /** An application: at least one new audit record. */
  void apply(String company) throws Exception {
    body(http.post("/api/partner-applications", "{\"companyName\":\"" + company + "\",\"websiteDomain\":\""
        + company.replace(" ", "").toLowerCase() + System.nanoTime() + ".example\",\"contactName\":\"C\","
        + "\"contactEmail\":\"c@checkpoint.example\",\"region\":\"NA\",\"motion\":\"REFERRAL\","
        + "\"forecastAnnualRevenue\":1000}"));
  }

  /**
   * Checkpoints (SPEC §4): made by the admin on demand, read by auditors, Ed25519 over lastId:hash:signedAt; an export
   * verifies offline with openssl and python3 (docs/verify-audit-export.sh), and an edited export names the record.
   */
  @Test
  void aSignedCheckpointVerifiesOfflineWithOpensslAndAnEditedExportNamesTheRecord() throws Exception {
    apply("Checkpoint Before Co");
    assertThat(http.post("/api/audit/checkpoints", "", ADA).status()).isEqualTo(403);
    assertThat(http.post("/api/audit/checkpoints", "", MARY).status()).isEqualTo(403);
    JsonNode earlier = body(http.post("/api/audit/checkpoints", "", admin()));
    apply("Checkpoint After Co");
    apply("Checkpoint Later Co");
    Response made = http.post("/api/audit/checkpoints", "", admin());
    assertThat(made.status()).isEqualTo(201);
    JsonNode checkpoint = json.readTree(made.body());
    long lastId = checkpoint.get("lastId").asLong();
    assertThat(lastId).isEqualTo(jdbc.queryForObject("SELECT last_id FROM audit_chain_head", Long.class))
        .isGreaterThanOrEqualTo(earlier.get("lastId").asLong() + 2);
    assertThat(checkpoint.get("hash").asText()).isEqualTo(jdbc.queryForObject(
        "SELECT hash FROM audit_record WHERE id = ?", String.class, lastId).trim());
    assertThat(checkpoint.get("algorithm").asText()).isEqualTo("Ed25519");
    assertThat(checkpoint.get("signatureValid").asBoolean()).isTrue();

    JsonNode latest = body(http.get("/api/audit/checkpoints/latest", ADA));
    assertThat(latest.get("id")).isEqualTo(checkpoint.get("id"));
    assertThat(latest.get("signature")).isEqualTo(checkpoint.get("signature"));
    assertThat(body(http.get("/api/audit/checkpoints", ADA)).get("checkpoints").get(0).get("id"))
        .isEqualTo(checkpoint.get("id"));
    assertThat(http.get("/api/audit/checkpoints", MARY).status()).isEqualTo(403);
    assertThat(http.get("/api/audit/checkpoints/latest", "Bearer", "plk_nothing").status()).isEqualTo(401);
    JsonNode fromCheckpoint = body(http.get("/api/audit/verify?checkpoint=" + earlier.get("id").asLong(), ADA));
    assertThat(fromCheckpoint.get("intact").asBoolean()).as(fromCheckpoint.toString()).isTrue();
    assertThat(fromCheckpoint.get("checkpointsMatched").asInt()).isGreaterThanOrEqualTo(1);

    // Offline: the records since the earlier checkpoint, up to this one, as an auditor downloads them.
    Response export = http.get("/api/audit/records?afterId=" + earlier.get("lastId").asLong() + "&toId=" + lastId,
        ADA);
    assertThat(export.contentType()).startsWith("text/csv");
    List<String> lines = export.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("id,at,principal,action,subject_type,subject_id,process_instance_id,details,"
        + "prev_hash,hash");
    assertThat(lines.get(1)).as("the export's first link is the hash the earlier checkpoint signed")
        .contains("\"" + earlier.get("hash").asText() + "\"");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("audit-export");
    java.nio.file.Path checkpointFile = java.nio.file.Files.writeString(dir.resolve("checkpoint.json"), made.body());
    java.nio.file.Path records = java.nio.file.Files.writeString(dir.resolve("records.csv"), export.body());
    Script verified = script(checkpointFile, records);
    assertThat(verified.output()).contains("Signature: valid").contains("VERIFIED");
    assertThat(verified.exitCode()).as(verified.output()).isZero();

    long edited = lastId - 1;
    // One record's time moved back a year in the export (its second field).
    String editedBody = export.body().lines().map(line -> line.startsWith("\"" + edited + "\",")
        ? line.replaceFirst("^(\"\\d+\",\")(\\d{4})", "$1" + (java.time.Year.now().getValue() - 1)) : line).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    assertThat(editedBody).isNotEqualTo(export.body());
    Script tampered = script(checkpointFile, java.nio.file.Files.writeString(dir.resolve("edited.csv"), editedBody));
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.output()).contains("FAILED at record " + edited + ":");

    String forged = made.body().replace(checkpoint.get("hash").asText(), "0".repeat(64));
    Script forgedSignature = script(java.nio.file.Files.writeString(dir.resolve("forged.json"), forged), records);
    assertThat(forgedSignature.exitCode()).isEqualTo(1);
    assertThat(forgedSignature.output()).contains("signature does not verify");
  }

  record Script(int exitCode, String output) {
  }

  /** docs/verify-audit-export.sh, as an auditor runs it (openssl and python3 are on this machine and CI's). */
  static Script script(java.nio.file.Path checkpoint, java.nio.file.Path records) throws Exception {
    Process process = new ProcessBuilder("bash", "docs/verify-audit-export.sh", checkpoint.toString(),
        records.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    return new Script(process.waitFor(), output);
  }
}
