package org.partnerlifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.ApplicationTest;

@ApplicationTest
class AuditTrailOnH2Test extends AuditTrailContract {

  @Test
  void theHashChainFindsAnEditedRecord() throws Exception {
    http.post("/api/partner-applications", "{\"companyName\":\"Chain Co\",\"websiteDomain\":\"chain.example\","
        + "\"contactName\":\"C\",\"contactEmail\":\"c@chain.example\",\"region\":\"NA\",\"motion\":\"REFERRAL\","
        + "\"forecastAnnualRevenue\":1000}");
    long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_record", Long.class);
    assertThat(body(http.get("/api/audit/verify", ADA)).get("intact").asBoolean()).isTrue();
    // H2 has no append-only trigger (PostgreSQL does): an edit goes through, and the chain shows it.
    jdbc.update("UPDATE audit_record SET principal = 'eve' WHERE id = ?", id);
    JsonNode verification = body(http.get("/api/audit/verify", ADA));
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenId").asLong()).isEqualTo(id);
    assertThat(verification.get("problem").asText()).contains("changed");
  }
}
