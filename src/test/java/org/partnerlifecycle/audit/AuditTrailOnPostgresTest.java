package org.partnerlifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.audit.AuditLog.Subject;
import org.partnerlifecycle.audit.AuditLog.Verification;
import org.partnerlifecycle.support.PostgresProfileTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@PostgresProfileTest
class AuditTrailOnPostgresTest extends AuditTrailContract {

  @Override
  String[] admin() {
    return new String[] {"pgadmin", "pgadmin"};
  }

  @Autowired
  DataSource dataSource;
  @Autowired
  AuditLog audit;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void concurrentWritersKeepOneUnbrokenChainAndARolledBackChangeLeavesNoRecord() throws Exception {
    sealAudit();
    long before = jdbc.queryForObject("SELECT count(*) FROM audit_record", Long.class);
    long lastIdBefore = jdbc.queryForObject("SELECT last_id FROM audit_chain_head", Long.class);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      String writer = "writer-" + w;
      writers.add(pool.submit(() -> {
        for (int n = 0; n < 25; n++) {
          Map<String, Integer> details = Map.of("n", n);
          transaction.executeWithoutResult(status -> {
            audit.append(writer, "test.first", Subject.PARTNER, writer, null, details);
            audit.append(writer, "test.second", Subject.PARTNER, writer, null, details);
          });
        }
      }));
    }
    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      audit.append("writer-x", "test.rolledBack", Subject.PARTNER, "writer-x", null, Map.of());
      throw new IllegalStateException("the change failed");
    })).hasMessage("the change failed");
    for (Future<?> writer : writers) {
      writer.get();
    }
    pool.shutdown();
    sealAudit();

    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record", Long.class) - before).isEqualTo(8 * 25 * 2);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record WHERE action = 'test.rolledBack'",
        Long.class)).isZero();
    // A transaction's records are consecutive in the chain, in the order they were appended.
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record a JOIN audit_record b ON b.id = a.id + 1 "
        + "WHERE a.action = 'test.first' AND (b.action <> 'test.second' OR b.principal <> a.principal "
        + "OR b.details <> a.details)", Long.class)).isZero();
    // Each new record links to the one before it and its hash covers its content (another test here breaks an
    // older record on purpose, so the whole chain's verification is not the measure).
    Verification newRecords = audit.verifyAfter(lastIdBefore);
    assertThat(newRecords.intact()).as("%s at record %s", newRecords.problem(), newRecords.firstBrokenId()).isTrue();
    assertThat(newRecords.recordsChecked()).isEqualTo(8 * 25 * 2);
  }

  @Test
  void auditRecordsAndLedgerEntriesCannotBeChangedAndATamperedRecordIsFound() throws Exception {
    http.post("/api/partner-applications", "{\"companyName\":\"Chain Co\",\"websiteDomain\":\"chain.example\","
        + "\"contactName\":\"C\",\"contactEmail\":\"c@chain.example\",\"region\":\"NA\",\"motion\":\"REFERRAL\","
        + "\"forecastAnnualRevenue\":1000}");
    sealAudit();
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
    // A verification from a later record trusts that record's stored hash: the change is before it.
    assertThat(audit.verifyAfter(id - 1).firstBrokenId()).isEqualTo(id);
    assertThat(audit.verifyAfter(id).intact()).isTrue();
  }

  /**
   * Issue 26's must-show: a superuser edits an audit record through psql (switching the append-only trigger off and
   * on again); the verification from the checkpoint before it fails and names the record.
   */
  @Test
  void anAuditRowEditedThroughPsqlFailsTheVerificationNamingTheRecord() throws Exception {
    JsonNode checkpoint = body(http.post("/api/audit/checkpoints", "", admin()));
    apply("Psql Edited Co");
    sealAudit();
    long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_record", Long.class);
    assertThat(id).isGreaterThan(checkpoint.get("lastId").asLong());
    String url;
    try (Connection connection = dataSource.getConnection()) {
      url = connection.getMetaData().getURL();
    }
    String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", org.partnerlifecycle.support.PostgresTestDatabase.USER,
        "-d", database, "-v", "ON_ERROR_STOP=1", "-c", "ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only",
        "-c", "UPDATE audit_record SET principal = 'eve' WHERE id = " + id,
        "-c", "ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only").redirectErrorStream(true).start();
    String output = new String(psql.getInputStream().readAllBytes());
    assertThat(psql.waitFor()).as(output).isZero();
    assertThat(output).contains("UPDATE 1");

    JsonNode verification = body(http.get("/api/audit/verify?checkpoint=" + checkpoint.get("id").asLong(), ADA));
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenId").asLong()).isEqualTo(id);
    assertThat(verification.get("problem").asText()).isEqualTo("content does not match its hash: the record was changed");
    assertThat(http.get("/audit/", ADA).body()).contains("Broken at record ");
  }
}
