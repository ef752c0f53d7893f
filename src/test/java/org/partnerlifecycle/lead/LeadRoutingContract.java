package org.partnerlifecycle.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;

/** Lead routing through the API and the lead-routing process, on the application. */
abstract class LeadRoutingContract extends ApiContract {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Partner partner(String name, String forecast) {
    Partner partner = active.active(name, name.toLowerCase().replace(' ', '-') + "-" + System.nanoTime()
        + ".example", "REFERRAL", forecast);
    jdbc.update("UPDATE partner SET region = 'LATAM' WHERE id = ?", partner.id());
    return partner;
  }

  private JsonNode lead(String domain) throws Exception {
    Response response = http.post("/api/leads", "{\"companyName\":\"Lead Co\",\"customerDomain\":\"" + domain
        + "\",\"region\":\"LATAM\",\"category\":\"SMB\"}", MARY);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body());
  }

  @Test
  void leadsGoByTheRuleNeverToPausedRemovedOrRegisteredPartnersAndAreReassignedOnDeclineAndTimeout()
      throws Exception {
    AbstractAssertions.init(engine);
    jdbc.update("UPDATE partner SET region = 'NA' WHERE region = 'LATAM'");
    Partner growth = partner("Growth Lead", "150000");
    Partner foundation = partner("Foundation Lead", "10000");
    Partner paused = partner("Paused Lead", "150000");
    Partner removed = partner("Removed Lead", "150000");
    jdbc.update("UPDATE partner SET referrals_paused = TRUE WHERE id = ?", paused.id());
    jdbc.update("UPDATE partner SET status = 'REMOVED' WHERE id = ?", removed.id());

    Map<String, Integer> received = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      JsonNode lead = lead("customer" + i + ".example");
      String assigned = lead.get("assignedPartnerId").asText();
      received.merge(assigned, 1, Integer::sum);
      assertThat(lead.get("reason").asText()).contains("tier weight");
      // Each lead answered at once, so the next one is routed with the counts updated.
      assertThat(http.post("/api/leads/" + lead.get("leadId").asText() + "/accept", "",
          keyOf(assigned)).status()).isEqualTo(202);
    }
    assertThat(received).containsOnlyKeys(growth.id(), foundation.id());
    assertThat(received.get(growth.id())).isEqualTo(20);
    assertThat(received.get(foundation.id())).isEqualTo(10);

    // A customer protected by a partner's live registration goes to that partner, whatever its count (playbook:
    // 30-day protection, seed 001) — never to a competitor.
    assertThat(http.post("/api/deal-registrations", "{\"customerName\":\"Registered\",\"customerDomain\":"
        + "\"registered.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":\"SUBSCRIPTION\","
        + "\"product\":\"PLUS\",\"estimatedValue\":100,\"termMonths\":12}", keyOf(growth.id())).status())
        .isEqualTo(201);
    JsonNode protectedLead = lead("www.registered.example");
    assertThat(protectedLead.get("assignedPartnerId").asText()).isEqualTo(growth.id());
    assertThat(protectedLead.get("reason").asText()).contains("protected by partner " + growth.id());
    // Declined: the protecting partner was offered it; the lead is held for staff, not offered to a rival.
    assertThat(http.post("/api/leads/" + protectedLead.get("leadId").asText() + "/decline", "",
        keyOf(growth.id())).status()).isEqualTo(202);
    Map<String, Object> held = jdbc.queryForMap("SELECT status, assigned_partner_id, reason FROM sales_lead WHERE id = ?",
        protectedLead.get("leadId").asText());
    assertThat(held.get("status")).isEqualTo("HELD");
    assertThat(held.get("assigned_partner_id")).isNull();
    assertThat((String) held.get("reason")).contains("Held for staff", "offered this lead before");
  }

  /** A partner protecting a customer whose referrals are paused cannot take its lead: held for staff with why. */
  @Test
  void aLeadForACustomerProtectedByAPausedPartnerIsHeldForStaff() throws Exception {
    Partner protecting = partner("Protecting Lead", "150000");
    partner("Rival Lead", "150000");
    assertThat(http.post("/api/deal-registrations", "{\"customerName\":\"Held\",\"customerDomain\":"
        + "\"held-customer.example\",\"motion\":\"REFERRAL\",\"dealType\":\"NEW\",\"licenseType\":"
        + "\"SUBSCRIPTION\",\"product\":\"PLUS\",\"estimatedValue\":100,\"termMonths\":12}",
        keyOf(protecting.id())).status()).isEqualTo(201);
    jdbc.update("UPDATE partner SET referrals_paused = TRUE WHERE id = ?", protecting.id());
    JsonNode held = lead("held-customer.example");
    assertThat(held.get("assignedPartnerId").isNull()).isTrue();
    assertThat(held.get("status").asText()).isEqualTo("HELD");
    assertThat(held.get("reason").asText()).contains("Held for staff", protecting.id(), "referrals are paused");
  }

  @Test
  void aDeclineOrATimeoutReassignsTheLeadAndOthersCannotAnswerIt() throws Exception {
    AbstractAssertions.init(engine);
    jdbc.update("UPDATE partner SET region = 'NA' WHERE region = 'LATAM'");
    Partner first = partner("First Lead", "150000");
    Partner second = partner("Second Lead", "150000");
    ClockUtil.setCurrentTime(new Date());
    JsonNode lead = lead("reassigned.example");
    String leadId = lead.get("leadId").asText();
    String offeredTo = lead.get("assignedPartnerId").asText();
    String other = offeredTo.equals(first.id()) ? second.id() : first.id();
    assertThat(http.post("/api/leads/" + leadId + "/accept", "", keyOf(other)).status()).isEqualTo(404);
    assertThat(http.post("/api/leads/" + leadId + "/accept", "", ADA).status()).isEqualTo(404);
    assertThat(http.post("/api/leads/" + leadId + "/decline", "", keyOf(offeredTo)).status()).isEqualTo(202);
    assertThat(jdbc.queryForObject("SELECT assigned_partner_id FROM sales_lead WHERE id = ?", String.class, leadId))
        .isEqualTo(other);

    // The second partner lets the acceptance window (48 h) pass: nobody else is left, the lead is unassigned.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(49))));
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(leadId)
        .singleResult().getId();
    execute(engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult());
    assertThat(jdbc.queryForObject("SELECT status FROM sales_lead WHERE id = ?", String.class, leadId))
        .isEqualTo("UNASSIGNED");
    assertThat(jdbc.queryForList("SELECT outcome FROM lead_offer WHERE lead_id = ? ORDER BY id", String.class, leadId))
        .containsExactly("DECLINED", "TIMED_OUT");
  }

  @Test
  void theTransparencyReportAddsUpAndOnlyStaffAndActivePartnersReadIt() throws Exception {
    jdbc.update("UPDATE partner SET region = 'NA' WHERE region = 'LATAM'");
    Partner reader = partner("Report Reader", "150000");
    partner("Report Other", "10000");
    for (int i = 0; i < 9; i++) {
      lead("report" + i + ".example");
    }
    String today = java.time.LocalDate.now().toString();
    String tomorrow = java.time.LocalDate.now().plusDays(1).toString();
    Response report = http.get("/api/leads/transparency?from=" + today + "&to=" + tomorrow, keyOf(reader.id()));
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    JsonNode rows = json.readTree(report.body()).get("rows");
    long latam = 0;
    double shares = 0;
    double entitlements = 0;
    for (JsonNode row : rows) {
      if (row.get("region").asText().equals("LATAM")) {
        latam += row.get("leadsOffered").asLong();
        shares += row.get("share").asDouble();
        entitlements += row.get("entitlement").asDouble();
        assertThat(row.has("partnerId")).isFalse();
        assertThat(row.toString()).doesNotContain("report0.example");
      }
    }
    long raw = jdbc.queryForObject("SELECT count(*) FROM lead_offer WHERE region = 'LATAM' AND offered_at >= ?",
        Long.class, java.sql.Timestamp.valueOf(java.time.LocalDate.now().atStartOfDay()));
    assertThat(latam).isEqualTo(raw);
    // Seed 002 line 6: "Leads allocated by categories … (defined transparently)": every line breaks down by category.
    long smb = 0;
    for (JsonNode row : rows) {
      assertThat(row.get("leadsOfferedByCategory").has("ENTERPRISE")).isTrue();
      if (row.get("region").asText().equals("LATAM")) {
        smb += row.get("leadsOfferedByCategory").get("SMB").asLong();
      }
    }
    assertThat(smb).as("all the report's leads are SMB").isEqualTo(raw);
    assertThat(shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(entitlements).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(http.get("/api/leads/transparency?from=" + today + "&to=" + tomorrow).status()).isEqualTo(401);
    assertThat(http.get("/api/leads/transparency?from=today&to=" + tomorrow, MARY).body())
        .contains("\"field\":\"from\"");
    assertThat(http.post("/api/leads", "{\"companyName\":\"X\",\"customerDomain\":\"x.example\",\"region\":\"NA\","
        + "\"category\":\"SMB\"}", ADA).status()).isEqualTo(403);
    assertThat(http.post("/api/leads", "{\"companyName\":\"X\",\"customerDomain\":\"x.example\",\"region\":\"NA\","
        + "\"category\":\"SMB\"}", LENA).status()).isEqualTo(403);
    assertThat(http.post("/api/leads", "{\"companyName\":\"X\",\"customerDomain\":\"x.example\",\"region\":\"MOON\","
        + "\"category\":\"SMB\"}", MARY).body()).contains("\"field\":\"region\"");
  }
}
