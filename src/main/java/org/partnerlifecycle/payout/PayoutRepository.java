package org.partnerlifecycle.payout;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Payout runs, statements with their lines, and carried-forward amounts. State changes are named methods. */
@Repository
class PayoutRepository {

  private static final String STATEMENT = "SELECT s.*, p.company_name FROM statement s JOIN partner p "
      + "ON p.id = s.partner_id ";

  private final JdbcTemplate jdbc;

  PayoutRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- runs ------------------------------------------------------------------------------------------------------

  void insertRun(String runId, String period, LocalDate statementDate, String requestedBy, Instant now) {
    jdbc.update("INSERT INTO payout_run (id, period, statement_date, status, requested_by, created_at, updated_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", runId, period, Date.valueOf(statementDate),
        PayoutRunStatus.REQUESTED.name(), requestedBy, Timestamp.from(now), Timestamp.from(now));
  }

  Optional<PayoutRun> run(String runId) {
    return jdbc.query("SELECT * FROM payout_run WHERE id = ?", this::mapRun, runId).stream().findFirst();
  }

  Optional<PayoutRun> runForPeriod(String period) {
    return jdbc.query("SELECT * FROM payout_run WHERE period = ?", this::mapRun, period).stream().findFirst();
  }

  /** The run, locked for the caller's transaction: a run is built, decided and issued one step at a time. */
  PayoutRun lockRun(String runId) {
    return jdbc.query("SELECT * FROM payout_run WHERE id = ? FOR UPDATE", this::mapRun, runId).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No payout run " + runId));
  }

  void runStarted(String runId, String processInstanceId) {
    jdbc.update("UPDATE payout_run SET process_instance_id = ? WHERE id = ?", processInstanceId, runId);
  }

  void runBuilt(String runId, BigDecimal payable, BigDecimal clawbacks, BigDecimal statements,
      BigDecimal carriedForward, int statementCount, int carriedCount, boolean needsApproval, Instant now) {
    jdbc.update("UPDATE payout_run SET payable_total = ?, clawback_total = ?, statement_total = ?, carried_forward = ?, "
        + "statement_count = ?, carried_count = ?, needs_approval = ?, status = ?, updated_at = ? WHERE id = ?",
        payable, clawbacks, statements, carriedForward, statementCount, carriedCount, needsApproval,
        (needsApproval ? PayoutRunStatus.AWAITING_APPROVAL : PayoutRunStatus.REQUESTED).name(), Timestamp.from(now),
        runId);
  }

  void runDecided(String runId, PayoutRunStatus status, String decidedBy, String reason, Instant now) {
    jdbc.update("UPDATE payout_run SET status = ?, decided_by = ?, decision_reason = ?, updated_at = ? WHERE id = ?",
        status.name(), decidedBy, reason, Timestamp.from(now), runId);
  }

  void runStatus(String runId, PayoutRunStatus status, Instant now) {
    jdbc.update("UPDATE payout_run SET status = ?, updated_at = ? WHERE id = ?", status.name(), Timestamp.from(now),
        runId);
  }

  /** What each partner had carried forward by the latest run before {@code statementDate} (none: absent). */
  Map<String, BigDecimal> carriedForwardBefore(LocalDate statementDate) {
    Map<String, BigDecimal> carried = new HashMap<>();
    jdbc.query("SELECT c.partner_id, c.amount FROM payout_carry_forward c WHERE c.run_id = (SELECT id FROM payout_run "
        + "WHERE statement_date < ? ORDER BY statement_date DESC FETCH FIRST 1 ROWS ONLY)",
        rs -> {
          carried.put(rs.getString(1), rs.getBigDecimal(2));
        }, Date.valueOf(statementDate));
    return carried;
  }

  // --- statements ------------------------------------------------------------------------------------------------

  void insertStatements(List<Statement> statements, Instant now) {
    jdbc.batchUpdate("INSERT INTO statement (id, run_id, partner_id, statement_date, due_date, status, payable, "
        + "clawbacks, total, brought_forward, explanation, terms_version, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statements.stream().map(s -> new Object[] {
            s.statementId(), s.runId(), s.partnerId(), Date.valueOf(s.date()), Date.valueOf(s.dueDate()),
            s.status().name(), s.payable(), s.clawbacks(), s.total(), s.carriedForward(), s.explanation(),
            s.termsVersion(), Timestamp.from(now)}).toList());
  }

  /** Lines by statement id. */
  void insertLines(Map<String, List<StatementLine>> lines) {
    jdbc.batchUpdate("INSERT INTO statement_line (statement_id, line_no, entry_id, deal_id, kind, contract_year, "
        + "amount, terms_version, rule_result_id, rule_name, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        lines.entrySet().stream().flatMap(e -> e.getValue().stream().map(l -> new Object[] {e.getKey(), l.line(),
            l.ledgerEntryId(), l.dealId(), l.kind(), l.contractYear(), l.amount(), l.termsVersion(), l.ruleResultId(),
            l.rule(), l.explanation()})).toList());
  }

  void insertCarryForwards(List<CarryForward> carried) {
    jdbc.batchUpdate("INSERT INTO payout_carry_forward (run_id, partner_id, statement_date, payable, clawbacks, amount, "
        + "explanation) VALUES (?, ?, ?, ?, ?, ?, ?)", carried.stream().map(c -> new Object[] {c.runId(),
            c.partnerId(), Date.valueOf(c.statementDate()), c.payable(), c.clawbacks(), c.amount(), c.explanation()})
        .toList());
  }

  Optional<Statement> statement(String statementId) {
    return jdbc.query(STATEMENT + "WHERE s.id = ?", this::mapStatement, statementId).stream().findFirst();
  }

  Statement lockStatement(String statementId) {
    jdbc.query("SELECT id FROM statement WHERE id = ? FOR UPDATE", rs -> { }, statementId);
    return statement(statementId).orElseThrow();
  }

  List<Statement> statementsOfRun(String runId) {
    return jdbc.query(STATEMENT + "WHERE s.run_id = ? ORDER BY s.id", this::mapStatement, runId);
  }

  List<Statement> statementsOfPartner(String partnerId) {
    return jdbc.query(STATEMENT + "WHERE s.partner_id = ? ORDER BY s.statement_date DESC, s.id", this::mapStatement,
        partnerId);
  }

  List<CarryForward> carryForwardsOfPartner(String partnerId) {
    return jdbc.query("SELECT * FROM payout_carry_forward WHERE partner_id = ? ORDER BY statement_date DESC",
        (rs, row) -> new CarryForward(rs.getString("run_id"), rs.getString("partner_id"),
            rs.getDate("statement_date").toLocalDate(), rs.getBigDecimal("payable"), rs.getBigDecimal("clawbacks"),
            rs.getBigDecimal("amount"), rs.getString("explanation")), partnerId);
  }

  List<StatementLine> lines(String statementId) {
    return jdbc.query("SELECT l.*, d.customer_name FROM statement_line l JOIN deal_registration d ON d.id = l.deal_id "
        + "WHERE l.statement_id = ? ORDER BY l.line_no", (rs, row) -> new StatementLine(rs.getInt("line_no"),
            rs.getString("deal_id"), rs.getString("customer_name"), rs.getLong("entry_id"), rs.getString("kind"),
            (Integer) rs.getObject("contract_year"), rs.getBigDecimal("amount"), rs.getString("terms_version"),
            rs.getObject("rule_result_id") == null ? null : rs.getLong("rule_result_id"), rs.getString("rule_name"),
            rs.getString("explanation")), statementId);
  }

  /** The run's draft statements are issued, due on {@code dueDate}. @return their ids */
  List<String> issue(String runId, Instant now) {
    List<String> ids = jdbc.queryForList("SELECT id FROM statement WHERE run_id = ? AND status = ? ORDER BY id",
        String.class, runId, StatementStatus.DRAFT.name());
    jdbc.update("UPDATE statement SET status = ?, issued_at = ? WHERE run_id = ? AND status = ?",
        StatementStatus.ISSUED.name(), Timestamp.from(now), runId, StatementStatus.DRAFT.name());
    return ids;
  }

  /** The run's draft statements are voided. @return their ids */
  List<String> voidDrafts(String runId) {
    List<String> ids = jdbc.queryForList("SELECT id FROM statement WHERE run_id = ? AND status = ? ORDER BY id",
        String.class, runId, StatementStatus.DRAFT.name());
    jdbc.update("UPDATE statement SET status = ? WHERE run_id = ? AND status = ?", StatementStatus.VOIDED.name(),
        runId, StatementStatus.DRAFT.name());
    return ids;
  }

  void paid(String statementId, LocalDate paidOn, String reference, String recordedBy) {
    jdbc.update("UPDATE statement SET status = ?, paid_on = ?, payment_reference = ?, paid_recorded_by = ? "
        + "WHERE id = ?", StatementStatus.PAID.name(), Date.valueOf(paidOn), reference, recordedBy, statementId);
  }

  /** The run's issued statements still unpaid after their due date, oldest id first. */
  List<Statement> overdue(String runId, LocalDate today) {
    return jdbc.query(STATEMENT + "WHERE s.run_id = ? AND s.status = ? AND s.due_date < ? ORDER BY s.id",
        this::mapStatement, runId, StatementStatus.ISSUED.name(), Date.valueOf(today));
  }

  /** The latest rule result per deal of these rules: what computed a statement line's amount. */
  Map<String, long[]> latestRuleResults(List<String> rules) {
    Map<String, long[]> latest = new HashMap<>();
    String in = String.join(",", rules.stream().map(r -> "?").toList());
    jdbc.query("SELECT r.subject_id, r.rule_name, max(r.id) FROM rule_result r WHERE r.subject_type = 'DEAL' "
        + "AND r.rule_name IN (" + in + ") AND r.subject_id IN (SELECT deal_id FROM ledger_entry_state WHERE status IN "
        + "('ACCRUED', 'OPEN')) GROUP BY r.subject_id, r.rule_name", rs -> {
          latest.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3)});
        }, rules.toArray());
    return latest;
  }

  private PayoutRun mapRun(ResultSet rs, int row) throws SQLException {
    return new PayoutRun(rs.getString("id"), rs.getString("period"), rs.getDate("statement_date").toLocalDate(),
        PayoutRunStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
        rs.getBigDecimal("payable_total"), rs.getBigDecimal("clawback_total"), rs.getBigDecimal("statement_total"),
        rs.getBigDecimal("carried_forward"), (Integer) rs.getObject("statement_count"),
        (Integer) rs.getObject("carried_count"), (Boolean) rs.getObject("needs_approval"),
        rs.getString("decided_by"), rs.getString("decision_reason"), rs.getString("process_instance_id"),
        rs.getTimestamp("created_at").toInstant());
  }

  private Statement mapStatement(ResultSet rs, int row) throws SQLException {
    Timestamp issued = rs.getTimestamp("issued_at");
    Date paidOn = rs.getDate("paid_on");
    return new Statement(rs.getString("id"), rs.getString("run_id"), rs.getString("partner_id"),
        rs.getString("company_name"), rs.getDate("statement_date").toLocalDate(),
        rs.getDate("due_date").toLocalDate(), StatementStatus.valueOf(rs.getString("status")),
        rs.getBigDecimal("payable"), rs.getBigDecimal("clawbacks"), rs.getBigDecimal("total"),
        rs.getBigDecimal("brought_forward"), rs.getString("explanation"), rs.getString("terms_version"),
        issued == null ? null : issued.toInstant(), paidOn == null ? null : paidOn.toLocalDate(),
        rs.getString("payment_reference"), rs.getString("paid_recorded_by"));
  }
}
