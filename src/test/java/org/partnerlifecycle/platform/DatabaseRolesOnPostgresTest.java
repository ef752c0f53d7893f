package org.partnerlifecycle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.support.PostgresTestDatabase;

/**
 * Profile postgres with two roles (README, "Run on PostgreSQL"): the migrations run as the owner (DB_OWNER_USER), the
 * application as a runtime role (DB_USER) that afterMigrate.sql grants DML on our tables. As the runtime role,
 * disabling the audit trail's append-only trigger is refused (only the owner may), and so is changing an audit row;
 * appending, and creating Camunda's tables, work.
 */
class DatabaseRolesOnPostgresTest {

  @Test
  void theRuntimeRoleCannotDisableTheAuditTriggersNorChangeAnAuditRow() throws Exception {
    String url = PostgresTestDatabase.create();
    String runtime = "ple_runtime_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection owner = DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
         Statement statement = owner.createStatement()) {
      statement.execute("CREATE ROLE " + runtime + " LOGIN PASSWORD '" + runtime + "'");
    }
    try {
      Flyway.configure().dataSource(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)
          .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
          .baselineOnMigrate(true).baselineVersion("0")
          .placeholders(Map.of("runtimeUser", runtime)).load().migrate();

      try (Connection app = DriverManager.getConnection(url, runtime, runtime);
           Statement statement = app.createStatement()) {
        statement.executeUpdate("INSERT INTO audit_record (id, at, principal, action, subject_type, subject_id, details, "
            + "prev_hash, hash) VALUES (1, now(), 'mary', 'test.append', 'PARTNER', 'P-1', '{}', '" + "0".repeat(64)
            + "', '" + "1".repeat(64) + "')");
        statement.executeUpdate("UPDATE audit_chain_head SET last_id = 1, last_hash = '" + "1".repeat(64) + "'");
        assertThatThrownBy(() -> statement.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only"))
            .hasMessageContaining("must be owner of table audit_record");
        assertThatThrownBy(() -> statement.execute("ALTER TABLE audit_record DISABLE TRIGGER ALL"))
            .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> statement.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ALL"))
            .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_record SET principal = 'eve' WHERE id = 1"))
            .hasMessageContaining("permission denied for table audit_record");
        assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_record"))
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> statement.execute("SET session_replication_role = replica"))
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> statement.execute("DROP TABLE audit_record")).hasMessageContaining("must be owner");
        // audit_pending (issue 30): the runtime role appends to it; it deletes a record only once the chain holds it
        // as written (the sealer's delete), and changes none.
        String pending = "INSERT INTO audit_pending (id, at, principal, action, subject_type, subject_id, details) "
            + "VALUES (%d, '2026-12-01T10:00:00Z', 'mary', 'test.pending', 'PARTNER', 'P-1', '{}')";
        String sealed = "INSERT INTO audit_record (id, at, principal, action, subject_type, subject_id, details, "
            + "prev_hash, hash, pending_id) VALUES (%d, '2026-12-01T10:00:00Z', '%s', 'test.pending', 'PARTNER', "
            + "'P-1', '{}', '%s', '%s', %d)";
        statement.executeUpdate(pending.formatted(7));
        assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_pending SET principal = 'eve'"))
            .hasMessageContaining("permission denied for table audit_pending");
        assertThatThrownBy(() -> statement.execute("TRUNCATE audit_pending")).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_pending WHERE id = 7"))
            .hasMessageContaining("audit_pending record 7 is not sealed");
        // Sealed with other content (a forged record claiming it): still refused.
        statement.executeUpdate(sealed.formatted(2, "eve", "1".repeat(64), "2".repeat(64), 7));
        assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_pending WHERE id = 7"))
            .hasMessageContaining("is not sealed");
        statement.executeUpdate(pending.formatted(8));
        statement.executeUpdate(sealed.formatted(3, "mary", "2".repeat(64), "3".repeat(64), 8));
        assertThat(statement.executeUpdate("DELETE FROM audit_pending WHERE id = 8")).isEqualTo(1);
        // What the application does: read, append, move the chain's head; Camunda creates its own tables.
        assertThat(statement.executeQuery("SELECT count(*) FROM audit_record").next()).isTrue();
        statement.execute("CREATE TABLE act_probe (id_ VARCHAR(64) PRIMARY KEY)");
      }
    } finally {
      try (Connection owner = DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
           Statement statement = owner.createStatement()) {
        statement.execute("DROP OWNED BY " + runtime);
        statement.execute("DROP ROLE " + runtime);
      }
    }
  }
}
