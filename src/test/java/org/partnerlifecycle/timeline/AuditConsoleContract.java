package org.partnerlifecycle.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditors' console over HTTP (the browser test shows it drawn): who may open it, what a deal approved at a
 * negotiated rate shows, the timeline's JSON with no JSON inside strings, and a partner with 10,000 records.
 */
abstract class AuditConsoleContract extends ApiContract {

  @Autowired
  AuditLog audit;
  @Autowired
  PlatformTransactionManager transactions;

  /** A deal mary reviewed proposing 18 % and lena approved, with their reasons. */
  String dealApprovedAtANegotiatedRate(String company, String customer) throws Exception {
    Partner partner = active.active(company, company.toLowerCase().replace(' ', '-') + "-" + System.nanoTime()
        + ".example", "REFERRAL", "150000");
    String dealId = body(http.post("/api/deal-registrations", "{\"customerName\":\"" + customer + "\","
        + "\"customerDomain\":\"" + customer.toLowerCase() + "-" + System.nanoTime() + ".example\",\"motion\":"
        + "\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\",\"product\":\"PLUS\","
        + "\"estimatedValue\":48000,\"termMonths\":12}", keyOf(partner.id()))).get("dealId").asText();
    active.complete(dealId, "ReviewDealRegistration", "mary", Map.of("decision", "APPROVE",
        "reason", "Strategic multi-year account", "proposedRate", 18));
    active.complete(dealId, "ApproveNegotiatedRate", "lena", Map.of("rateDecision", "APPROVE",
        "rateReason", "Matches the competitive offer we lost last year"));
    assertThat(jdbc.queryForMap("SELECT status, rate_percent, rate_approved_by FROM deal_registration WHERE id = ?",
        dealId)).containsEntry("status", "APPROVED").containsEntry("rate_approved_by", "lena")
        .satisfies(row -> assertThat((BigDecimal) row.get("rate_percent")).isEqualByComparingTo("18"));
    return dealId;
  }

  @Test
  void anAuditorFindsADealApprovedAtANegotiatedRateAndReadsWhoDecidedWhatAndWhy() throws Exception {
    String dealId = dealApprovedAtANegotiatedRate("Console Partner", "Initech");

    Response search = http.get("/audit/?q=initech", ADA);
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.contentType()).startsWith("text/html");
    assertThat(search.body()).contains("/audit/deals/" + dealId).contains("18 % (negotiated)")
        .contains("id=\"chain-status\"");

    Response page = http.get("/audit/deals/" + dealId, ADA);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Completed Review deal registration — Console Partner / Initech, $48,000")
        .contains("Strategic multi-year account").contains("proposed rate 18 %")
        .contains("Completed Approve negotiated rate — Console Partner / Initech, $48,000")
        .contains("rate decision APPROVE").contains("Matches the competitive offer we lost last year")
        .contains("class=\"diagram\" data-instance=").contains("<details><summary>Raw record</summary>")
        .contains("$48,000.00")
        .doesNotContain("${");
    String instanceId = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(dealId).singleResult().getId();
    JsonNode path = body(http.get("/audit/processes/" + instanceId + "/path.json", ADA));
    List<String> completions = new ArrayList<>();
    path.get("tasks").forEach(t -> completions.add(t.get("activityId").asText() + " by " + t.get("by").asText()
        + " " + t.get("state").asText()));
    assertThat(completions).containsExactly("ReviewDealRegistration by mary completed",
        "ApproveNegotiatedRate by lena completed");
    assertThat(path.get("taken").toString()).contains("ReviewDealRegistration", "ApproveNegotiatedRate");
    Response diagram = http.get("/audit/processes/" + instanceId + "/diagram.bpmn", ADA);
    assertThat(diagram.body()).contains("id=\"ApproveNegotiatedRate\"").contains("bpmndi:BPMNDiagram");
    Response csv = http.get("/audit/deals/" + dealId + "/timeline.csv", ADA);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).startsWith(TimelineCsv.HEADER).contains("task.complete ApproveNegotiatedRate");

    // The API's timeline: resolved task names, and no string in it is itself JSON.
    JsonNode timeline = body(http.get("/api/audit/deal-registrations/" + dealId, ADA));
    assertThat(timeline.toString()).contains("Approve negotiated rate — Console Partner / Initech").doesNotContain("${");
    assertThat(TimelineJson.stringsHoldingJson(timeline)).isEmpty();
    JsonNode approval = null;
    for (JsonNode entry : timeline.get("entries")) {
      if (entry.get("type").asText().equals("task.complete ApproveNegotiatedRate")) {
        approval = entry;
      }
    }
    assertThat(approval).isNotNull();
    assertThat(approval.get("actor").asText()).isEqualTo("lena");
    assertThat(approval.get("details").get("details").get("rateDecision").asText()).isEqualTo("APPROVE");
    assertThat(approval.get("details").get("details").get("task").asText())
        .isEqualTo("Approve negotiated rate — Console Partner / Initech, $48,000");
  }

  @Test
  void onlyAuditorsAndAdminsOpenTheConsoleAndBrowsersGetALoginPage() {
    assertThat(http.get("/audit/", ADA).status()).isEqualTo(200);
    assertThat(http.get("/audit/", MARY).status()).isEqualTo(403);
    assertThat(http.get("/audit/", LENA).status()).isEqualTo(403);
    Response anonymous = http.send(http.builder("/audit/").header("Accept", "text/html").GET());
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(http.get("/audit/login").body()).contains("name=\"username\"").contains("_csrf");
    assertThat(http.get("/audit/partners/P-NONE", ADA).status()).isEqualTo(404);
    assertThat(http.get("/audit/processes/none/path.json", ADA).status()).isEqualTo(404);
    assertThat(http.get("/audit/bpmn-js/bpmn-navigated-viewer.production.min.js", ADA).body())
        .startsWith("/*! bpmn-js");
    assertThat(http.get("/audit/records.csv", MARY).status()).isEqualTo(403);
    // Last: a wrong password delays ada's next login (Camunda's login throttling).
    assertThat(http.get("/audit/", "ada", "wrong").status()).isEqualTo(401);
  }

  @Test
  void aPartnerWithTenThousandRecordsOpensInAPageOfItsTimeline() throws Exception {
    Partner partner = active.active("Busy Partner", "busy-" + System.nanoTime() + ".example", "REFERRAL", "150000");
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    for (int batch = 0; batch < 10; batch++) {
      int from = batch * 1000;
      transaction.executeWithoutResult(status -> {
        for (int n = from; n < from + 1000; n++) {
          audit.append("mary", "partner.meetingRecorded", AuditLog.Subject.PARTNER, partner.id(), null,
              Map.of("kind", "QBR", "notes", "Quarterly review " + n, "amount", new BigDecimal("1234.50")));
        }
      });
    }
    http.get("/audit/partners/" + partner.id(), ADA); // warm up
    long started = System.nanoTime();
    Response page = http.get("/audit/partners/" + partner.id(), ADA);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("BENCHMARK audit console: partner page with " + jdbc.queryForObject("SELECT count(*) FROM "
        + "audit_record WHERE subject_id = ?", Integer.class, partner.id()) + " audit records: " + millis + " ms");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("page 1 of ").contains("$1,234.50");
    assertThat(page.body().split("<tr class=", -1)).hasSize(AuditConsoleController.PAGE_SIZE + 1);
    assertThat(millis).as("one page of a 10,000-record timeline").isLessThan(5000);
    started = System.nanoTime();
    Response csv = http.get("/audit/partners/" + partner.id() + "/timeline.csv", ADA);
    System.out.println("BENCHMARK audit console: its CSV export: " + (System.nanoTime() - started) / 1_000_000
        + " ms, " + csv.body().length() / 1024 + " KiB");
    assertThat(csv.body().lines().count()).isGreaterThan(10_000);
  }
}
