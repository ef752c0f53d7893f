package org.partnerlifecycle.tier;

import static org.assertj.core.api.Assertions.assertThat;

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
}
