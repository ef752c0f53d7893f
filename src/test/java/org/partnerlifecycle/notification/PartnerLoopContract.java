package org.partnerlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;

/**
 * The partner's side of the loop (issue 25), over real HTTP on 127.0.0.1: lists, webhooks to a real receiver,
 * mail to a real SMTP server, the OpenAPI document.
 */
abstract class PartnerLoopContract extends ApiContract {

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
}
