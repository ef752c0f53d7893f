package org.partnerlifecycle.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.audit.AuditLog.Verification;
import org.partnerlifecycle.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

@ApplicationTest
class AuditTrailOnH2Test extends AuditTrailContract {

  @Override
  String[] admin() {
    return new String[] {"demo", "demo"};
  }

  @Autowired
  AuditLog audit;

  @Test
  void theHashChainFindsAnEditedRecord() throws Exception {
    http.post("/api/partner-applications", "{\"companyName\":\"Chain Co\",\"websiteDomain\":\"chain.example\","
        + "\"contactName\":\"C\",\"contactEmail\":\"c@chain.example\",\"region\":\"NA\",\"motion\":\"REFERRAL\","
        + "\"forecastAnnualRevenue\":1000}");
    sealAudit();
    long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_record", Long.class);
    assertThat(body(http.get("/api/audit/verify", ADA)).get("intact").asBoolean()).isTrue();
    // H2 has no append-only trigger (PostgreSQL does): an edit goes through, and the chain shows it.
    jdbc.update("UPDATE audit_record SET principal = 'eve' WHERE id = ?", id);
    JsonNode verification = body(http.get("/api/audit/verify", ADA));
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenId").asLong()).isEqualTo(id);
    assertThat(verification.get("problem").asText()).contains("changed");
  }

  @Test
  void theHashChainFindsAMissingRecordABrokenLinkAndARemovedTail() throws Exception {
    sealAudit();
    long before = jdbc.queryForObject("SELECT MAX(id) FROM audit_record", Long.class);
    for (String company : new String[] {"Gap Co", "Tail Co"}) {
      http.post("/api/partner-applications", "{\"companyName\":\"" + company + "\",\"websiteDomain\":\""
          + company.replace(" ", "").toLowerCase() + ".example\",\"contactName\":\"C\",\"contactEmail\":"
          + "\"c@gap.example\",\"region\":\"NA\",\"motion\":\"REFERRAL\",\"forecastAnnualRevenue\":1000}");
    }
    sealAudit();
    long last = jdbc.queryForObject("SELECT MAX(id) FROM audit_record", Long.class);
    assertThat(last - before).isGreaterThanOrEqualTo(2);
    // Checked from the last record before this test: the other test here breaks an older record on purpose.
    assertThat(audit.verifyAfter(before).intact()).isTrue();

    Map<String, Object> middle = removeRecord(last - 1);
    Verification gap = audit.verifyAfter(before);
    assertThat(gap.intact()).isFalse();
    assertThat(gap.firstBrokenId()).isEqualTo(last);
    assertThat(gap.problem()).isEqualTo("record " + (last - 1) + " is missing");
    restore(middle);

    String link = jdbc.queryForObject("SELECT prev_hash FROM audit_record WHERE id = ?", String.class, last);
    jdbc.update("UPDATE audit_record SET prev_hash = ? WHERE id = ?", "f".repeat(64), last);
    Verification relinked = audit.verifyAfter(before);
    assertThat(relinked.firstBrokenId()).isEqualTo(last);
    assertThat(relinked.problem()).isEqualTo("prev_hash does not match the hash of record " + (last - 1));
    jdbc.update("UPDATE audit_record SET prev_hash = ? WHERE id = ?", link, last);

    Map<String, Object> tail = removeRecord(last);
    Verification cut = audit.verifyAfter(before);
    assertThat(cut.intact()).isFalse();
    assertThat(cut.firstBrokenId()).isEqualTo(last);
    assertThat(cut.problem()).isEqualTo("records after " + (last - 1) + " were removed");
    restore(tail);

    assertThat(audit.verifyAfter(before).intact()).isTrue();
  }

  @Autowired
  AuditCheckpoints checkpoints;

  /**
   * Whoever can write the table can rewrite a record and recompute every hash after it and the head: the chain alone
   * looks intact then. The signed checkpoint is what the rewrite cannot follow.
   */
  @Test
  void aChainRewrittenConsistentlyIsFoundAtTheSignedCheckpoint() throws Exception {
    sealAudit();
    long before = jdbc.queryForObject("SELECT last_id FROM audit_chain_head", Long.class);
    apply("Rewritten Co");
    AuditCheckpoints.Checkpoint signed = checkpoints.make("demo");
    apply("Afterwards Co");
    sealAudit();
    long target = before + 1;
    List<Map<String, Object>> original = jdbc.queryForList("SELECT * FROM audit_record WHERE id >= ? ORDER BY id",
        target);
    Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_chain_head");
    try {
      String prev = original.get(0).get("PREV_HASH").toString().trim();
      for (Map<String, Object> row : original) {
        long id = ((Number) row.get("ID")).longValue();
        String principal = id == target ? "eve" : (String) row.get("PRINCIPAL");
        Object at = row.get("AT");
        String hash = AuditLog.hash(id, at instanceof java.time.OffsetDateTime t ? t.toInstant()
                : ((java.sql.Timestamp) at).toInstant(), principal,
            (String) row.get("ACTION"), (String) row.get("SUBJECT_TYPE"), (String) row.get("SUBJECT_ID"),
            (String) row.get("PROCESS_INSTANCE_ID"), (String) row.get("DETAILS"), prev);
        jdbc.update("UPDATE audit_record SET principal = ?, prev_hash = ?, hash = ? WHERE id = ?", principal, prev, hash,
            id);
        prev = hash;
      }
      jdbc.update("UPDATE audit_chain_head SET last_hash = ?", prev);

      Verification rewritten = audit.verifyAfter(before);
      assertThat(rewritten.intact()).isFalse();
      assertThat(rewritten.firstBrokenId()).isEqualTo(signed.lastId());
      assertThat(rewritten.problem()).contains("signed checkpoint");
      Verification fromCheckpoint = audit.verifyFrom(signed);
      assertThat(fromCheckpoint.intact()).isFalse();
      assertThat(fromCheckpoint.problem()).isEqualTo("record " + signed.lastId() + " does not have the hash checkpoint "
          + signed.id() + " signed");
    } finally {
      for (Map<String, Object> row : original) {
        jdbc.update("UPDATE audit_record SET principal = ?, prev_hash = ?, hash = ? WHERE id = ?", row.get("PRINCIPAL"),
            row.get("PREV_HASH"), row.get("HASH"), row.get("ID"));
      }
      jdbc.update("UPDATE audit_chain_head SET last_hash = ?", head.get("LAST_HASH"));
    }
    assertThat(audit.verifyFrom(signed).intact()).isTrue();
  }

  /** Two nodes firing the same hour: the second insert is refused by the unique hour, and nothing else happens. */
  @Test
  void theHourlyCheckpointIsMadeOncePerHourWhenEveryNodeRunsIt() {
    int before = jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint WHERE hour_slot IS NOT NULL",
        Integer.class);
    checkpoints.hourly();
    checkpoints.hourly();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint WHERE hour_slot IS NOT NULL",
        Integer.class)).isEqualTo(before + 1);
    AuditCheckpoints.Checkpoint hourly = checkpoints.latest().orElseThrow();
    assertThat(hourly.hourly()).isTrue();
    assertThat(hourly.madeBy()).isEqualTo("system");
    assertThat(hourly.signatureValid()).isTrue();
  }

  /** H2 has no append-only trigger: the row can go, and come back as it was. */
  private Map<String, Object> removeRecord(long id) {
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_record WHERE id = ?", id);
    jdbc.update("DELETE FROM audit_record WHERE id = ?", id);
    return row;
  }

  private void restore(Map<String, Object> row) {
    jdbc.update("INSERT INTO audit_record (id, at, principal, action, subject_type, subject_id, process_instance_id, "
        + "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("ID"), row.get("AT"),
        row.get("PRINCIPAL"), row.get("ACTION"), row.get("SUBJECT_TYPE"), row.get("SUBJECT_ID"),
        row.get("PROCESS_INSTANCE_ID"), row.get("DETAILS"), row.get("PREV_HASH"), row.get("HASH"));
  }
}
