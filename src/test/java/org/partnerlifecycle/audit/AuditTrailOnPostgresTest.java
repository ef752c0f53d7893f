package org.partnerlifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.PostgresProfileTest;
import org.partnerlifecycle.support.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@PostgresProfileTest
class AuditTrailOnPostgresTest extends AuditTrailContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.create();
    registry.add("spring.datasource.url", () -> url);
  }

  @Autowired
  DataSource dataSource;

  @Test
  void auditRecordsAndLedgerEntriesCannotBeChangedAndATamperedRecordIsFound() throws Exception {
    http.post("/api/partner-applications", "{\"companyName\":\"Chain Co\",\"websiteDomain\":\"chain.example\","
        + "\"contactName\":\"C\",\"contactEmail\":\"c@chain.example\",\"region\":\"NA\",\"motion\":\"REFERRAL\","
        + "\"forecastAnnualRevenue\":1000}");
    long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_record", Long.class);
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_record SET principal = 'eve' WHERE id = ?", id))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record WHERE id = ?", id))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_record")).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_entry")).hasMessageContaining("append-only");

    // Only by switching the triggers off (which takes the superuser) can a row change; the chain still tells.
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET session_replication_role = replica");
      statement.executeUpdate("UPDATE audit_record SET details = '{}' WHERE id = " + id);
      statement.execute("SET session_replication_role = DEFAULT");
    }
    JsonNode verification = body(http.get("/api/audit/verify", ADA));
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenId").asLong()).isEqualTo(id);
  }
}
