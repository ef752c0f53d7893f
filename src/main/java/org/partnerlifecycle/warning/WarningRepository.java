package org.partnerlifecycle.warning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Escalations, breaches and steps of the warning mechanism. */
@Repository
class WarningRepository {

  public record Escalation(String id, String partnerId, int level, String outcome, Instant startedAt) {
  }

  public record Step(int level, String action, String decidedBy, String note, Instant at, String escalationId) {
  }

  private final JdbcTemplate jdbc;

  WarningRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Escalation> running(String partnerId) {
    return jdbc.query("SELECT id, partner_id, level, outcome, started_at FROM warning_escalation "
            + "WHERE running_partner_id = ?",
        (rs, i) -> new Escalation(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()), partnerId).stream().findFirst();
  }

  public void start(String escalationId, String partnerId, Instant now) {
    jdbc.update("INSERT INTO warning_escalation (id, partner_id, running_partner_id, level, started_at) "
        + "VALUES (?, ?, ?, 0, ?)", escalationId, partnerId, partnerId, Timestamp.from(now));
  }

  public void setLevel(String escalationId, int level) {
    jdbc.update("UPDATE warning_escalation SET level = ? WHERE id = ?", level, escalationId);
  }

  /** Ends the escalation (RESET or REMOVED): the partner may have a new one after this. */
  public void end(String escalationId, String outcome, int level, Instant now) {
    jdbc.update("UPDATE warning_escalation SET running_partner_id = NULL, outcome = ?, level = ?, ended_at = ? "
        + "WHERE id = ?", outcome, level, Timestamp.from(now), escalationId);
  }

  public void addBreach(String partnerId, String escalationId, String category, String detail, String source,
      String reportedBy, Instant now) {
    jdbc.update("INSERT INTO compliance_breach (partner_id, escalation_id, category, detail, source, reported_by, "
        + "reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)", partnerId, escalationId, category, detail, source, reportedBy,
        Timestamp.from(now));
  }

  public List<Map<String, Object>> breaches(String escalationId) {
    return jdbc.queryForList("SELECT category, detail, source, reported_by, reported_at FROM compliance_breach "
        + "WHERE escalation_id = ? ORDER BY id", escalationId);
  }

  public void addStep(String partnerId, String escalationId, int level, String action, String decidedBy, String note,
      Instant now) {
    jdbc.update("INSERT INTO warning_step (partner_id, escalation_id, level, action, decided_by, note, at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", partnerId, escalationId, level, action, decidedBy, note, Timestamp.from(now));
  }

  public List<Step> steps(String partnerId) {
    return jdbc.query("SELECT level, action, decided_by, note, at, escalation_id FROM warning_step "
            + "WHERE partner_id = ? ORDER BY id",
        (rs, i) -> new Step(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getString(6)), partnerId);
  }
}
