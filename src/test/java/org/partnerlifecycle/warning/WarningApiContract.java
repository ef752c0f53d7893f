package org.partnerlifecycle.warning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.support.ApiContract;
import org.partnerlifecycle.support.Http.Response;

/** Warning endpoints over HTTP: who may raise, reset and reinstate, and what the partner itself may see. */
abstract class WarningApiContract extends ApiContract {

  static final String BREACH = "{\"category\":\"REPORTING\",\"detail\":\"No quarterly report\"}";

  Partner partner() {
    return active.active("Warn Api Co", "warn-api-" + System.nanoTime() + ".example", "REFERRAL", "150000");
  }

  int escalations(Partner partner) {
    return jdbc.queryForObject("SELECT count(*) FROM warning_escalation WHERE partner_id = ?", Integer.class,
        partner.id());
  }

  @Test
  void onlyPartnerManagersRaiseBreachesAndBadInputIsRefused() {
    Partner partner = partner();
    String path = "/api/partners/" + partner.id() + "/compliance-breaches";
    assertThat(http.post(path, BREACH, ADA).status()).isEqualTo(403);
    assertThat(http.post(path, BREACH, LENA).status()).isEqualTo(403);
    assertThat(http.post(path, BREACH).status()).isEqualTo(401);
    String[] key = {"Bearer", apiKeys.issue(partner.id(), "mary").apiKey()};
    assertThat(http.post(path, BREACH, key).status()).isEqualTo(403);
    Response badCategory = http.post(path, "{\"category\":\"LATE\",\"detail\":\"x\"}", MARY);
    assertThat(badCategory.status()).isEqualTo(400);
    assertThat(badCategory.body()).contains("\"field\":\"category\"");
    assertThat(http.post(path, "{\"category\":\"REPORTING\",\"detail\":\"" + "d".repeat(2001) + "\"}", MARY).body())
        .contains("\"field\":\"detail\"");
    assertThat(escalations(partner)).isZero();
    assertThat(http.post(path, BREACH, MARY).status()).isEqualTo(201);
    assertThat(http.post(path, BREACH, MARY).status()).as("joins the running escalation").isEqualTo(200);
    assertThat(escalations(partner)).isEqualTo(1);
  }

  @Test
  void theLevelTwoPauseIsPrivateToStaff() throws Exception {
    Partner partner = partner();
    String[] key = {"Bearer", apiKeys.issue(partner.id(), "mary").apiKey()};
    http.post("/api/partners/" + partner.id() + "/compliance-breaches", BREACH, MARY);
    active.complete(partner.id(), "IssuePrivateWarning", "mary", Map.of("warningNote", "Please report"));
    partners.recordWarningState(partner.id(), 2, true, true, java.time.Instant.now());

    JsonNode staffView = json.readTree(http.get("/api/partners/" + partner.id(), MARY).body());
    assertThat(staffView.get("warningLevel").asInt()).isEqualTo(2);
    assertThat(staffView.get("referralsPaused").asBoolean()).isTrue();
    JsonNode ownView = json.readTree(http.get("/api/partners/" + partner.id(), key).body());
    assertThat(ownView.get("warningLevel").asInt()).as("the private warning is known to the partner").isEqualTo(1);
    assertThat(ownView.get("referralsPaused").isNull()).as("the pause is not").isTrue();
    assertThat(http.get("/api/directory").body()).contains(partner.companyName());
    assertThat(http.get("/api/partners/" + partner.id() + "/warning-history", key).status()).isEqualTo(403);
  }

  @Test
  void goodStandingIsForPartnerManagersAndReinstatementForLeadership() {
    Partner partner = partner();
    String base = "/api/partners/" + partner.id();
    assertThat(http.post(base + "/good-standing", "{\"note\":\"ok\"}", MARY).status()).as("nothing to reset")
        .isEqualTo(409);
    http.post(base + "/compliance-breaches", BREACH, MARY);
    assertThat(http.post(base + "/good-standing", "{\"note\":\"ok\"}", ADA).status()).isEqualTo(403);
    assertThat(http.post(base + "/good-standing", "{\"note\":\"\"}", MARY).status()).isEqualTo(400);
    assertThat(http.post(base + "/good-standing", "{\"note\":\"Report received\"}", MARY).status()).isEqualTo(202);
    assertThat(partners.get(partner.id()).warningLevel()).isZero();
    assertThat(http.post(base + "/reinstatement", "{\"note\":\"x\"}", MARY).status()).isEqualTo(403);
    assertThat(http.post(base + "/reinstatement", "{\"note\":\"x\"}", LENA).status()).as("not removed")
        .isEqualTo(409);
  }
}
