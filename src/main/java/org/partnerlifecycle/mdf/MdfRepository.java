package org.partnerlifecycle.mdf;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.partnerlifecycle.rules.MdfRules;
import org.partnerlifecycle.rules.MdfUse;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** MDF requests, claims, reimbursements and steps; the per-partner, per-year budget lock. */
@Repository
class MdfRepository {

  record Claim(BigDecimal receiptAmount, int leadsGenerated, BigDecimal pipelineValue, String evidenceNote,
      String claimedBy, Instant claimedAt, String decision, String decidedBy, String decisionReason,
      Instant decidedAt) {
  }

  record Reimbursement(String requestId, String partnerId, BigDecimal amount, LocalDate approvedOn, LocalDate dueOn,
      LocalDate paidOn, String reference, String recordedBy, String termsVersion) {
  }

  record Step(String action, String decidedBy, BigDecimal amount, String note, Instant at) {
  }

  /** Sums of one partner's requests in a period, by what they hold. */
  record Holdings(BigDecimal reserved, BigDecimal claimed, BigDecimal paid) {
  }

  /** Approved claims in a period, for ROI. */
  record RoiLine(Tier tier, long claims, BigDecimal spent, BigDecimal paid, long leads, BigDecimal pipeline) {
  }

  private static final String COLUMNS = "id, partner_id, activity, mdf_use, amount, planned_on, expected_leads, "
      + "status, tier, fiscal_year, fiscal_quarter, reserved_amount, leadership_approval, refusal, decision_reason, "
      + "amount_left, lapses_after, terms_version, reviewed_by, approved_by, requested_by, created_at";

  private final JdbcTemplate jdbc;
  private String upsertLockRow;

  MdfRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- the budget lock ----------------------------------------------------------------------------------------

  /**
   * Locks the partner's budget for the fiscal year until the transaction ends (made on first use): requests of one
   * partner and year check and reserve one at a time.
   */
  void lockBudget(String partnerId, int fiscalYear) {
    jdbc.update(upsertLockRow(), partnerId, fiscalYear);
    jdbc.queryForList("SELECT partner_id FROM mdf_budget_lock WHERE partner_id = ? AND fiscal_year = ? FOR UPDATE",
        partnerId, fiscalYear);
  }

  private String upsertLockRow() {
    if (upsertLockRow == null) {
      String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
      upsertLockRow = "PostgreSQL".equals(product)
          ? "INSERT INTO mdf_budget_lock (partner_id, fiscal_year) VALUES (?, ?) ON CONFLICT DO NOTHING"
          : "MERGE INTO mdf_budget_lock (partner_id, fiscal_year) KEY (partner_id, fiscal_year) VALUES (?, ?)";
    }
    return upsertLockRow;
  }

  /** What the partner's requests hold in the year, or in one quarter of it ({@code quarter} null: the year). */
  Holdings holdings(String partnerId, int fiscalYear, Integer quarter) {
    return new Holdings(sum(partnerId, fiscalYear, quarter, MdfStatus.RESERVING),
        sum(partnerId, fiscalYear, quarter, MdfStatus.CLAIMED_AND_APPROVED),
        sum(partnerId, fiscalYear, quarter, List.of(MdfStatus.PAID)));
  }

  private BigDecimal sum(String partnerId, int fiscalYear, Integer quarter, Collection<MdfStatus> statuses) {
    String in = statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    BigDecimal sum = quarter == null
        ? jdbc.queryForObject("SELECT COALESCE(SUM(reserved_amount), 0) FROM mdf_request WHERE partner_id = ? "
            + "AND fiscal_year = ? AND status IN (" + in + ")", BigDecimal.class, partnerId, fiscalYear)
        : jdbc.queryForObject("SELECT COALESCE(SUM(reserved_amount), 0) FROM mdf_request WHERE partner_id = ? "
            + "AND fiscal_year = ? AND fiscal_quarter = ? AND status IN (" + in + ")", BigDecimal.class, partnerId,
            fiscalYear, quarter);
    return sum == null ? BigDecimal.ZERO : sum;
  }

  // --- requests -----------------------------------------------------------------------------------------------

  void insert(MdfRequest r) {
    jdbc.update("INSERT INTO mdf_request (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.partnerId(), r.activity(), r.use().name(), r.amount(),
        Date.valueOf(r.plannedOn()), r.expectedLeads(), r.status().name(), r.tier().name(), r.fiscalYear(),
        r.fiscalQuarter(), r.reservedAmount(), r.leadershipApproval(),
        r.refusal() == null ? null : r.refusal().name(), r.decisionReason(), r.amountLeft(),
        Date.valueOf(r.lapsesAfter()), r.termsVersion(), r.reviewedBy(), r.approvedBy(), r.requestedBy(),
        Timestamp.from(r.createdAt()), Timestamp.from(r.createdAt()));
  }

  Optional<MdfRequest> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM mdf_request WHERE id = ?", MdfRepository::request, id).stream()
        .findFirst();
  }

  MdfRequest get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("MDF request " + id + " not found"));
  }

  /** Locks the request's row until the transaction ends: its decisions, claim and payment run one at a time. */
  MdfRequest lock(String id) {
    if (jdbc.queryForList("SELECT id FROM mdf_request WHERE id = ? FOR UPDATE", id).isEmpty()) {
      throw new NotFoundException("MDF request " + id + " not found");
    }
    return get(id);
  }

  /** The checks at submission: accepted (IN_REVIEW, its amount reserved) or REFUSED (nothing reserved). */
  void recordCheck(String id, MdfStatus status, BigDecimal reserved, boolean leadershipApproval,
      MdfRules.Refusal refusal, String reason, BigDecimal amountLeft, Instant now) {
    jdbc.update("UPDATE mdf_request SET status = ?, reserved_amount = ?, leadership_approval = ?, refusal = ?, "
            + "decision_reason = ?, amount_left = ?, updated_at = ? WHERE id = ?", status.name(), reserved,
        leadershipApproval, refusal == null ? null : refusal.name(), reason, amountLeft, Timestamp.from(now), id);
  }

  void recordReview(String id, MdfStatus status, BigDecimal reserved, String reviewer, String reason, Instant now) {
    jdbc.update("UPDATE mdf_request SET status = ?, reserved_amount = ?, reviewed_by = ?, decision_reason = ?, "
        + "updated_at = ? WHERE id = ?", status.name(), reserved, reviewer, reason, Timestamp.from(now), id);
  }

  void recordApproval(String id, MdfStatus status, BigDecimal reserved, String approver, String reason,
      Instant now) {
    jdbc.update("UPDATE mdf_request SET status = ?, reserved_amount = ?, approved_by = ?, decision_reason = ?, "
        + "updated_at = ? WHERE id = ?", status.name(), reserved, approver, reason, Timestamp.from(now), id);
  }

  /** A status change that also sets what the request holds (claimed, claim decided, paid, lapsed). */
  void moveTo(String id, MdfStatus status, BigDecimal reserved, Instant now) {
    jdbc.update("UPDATE mdf_request SET status = ?, reserved_amount = ?, updated_at = ? WHERE id = ?",
        status.name(), reserved, Timestamp.from(now), id);
  }

  // --- claims and reimbursements ------------------------------------------------------------------------------

  void insertClaim(String requestId, BigDecimal receipt, int leads, BigDecimal pipeline, String note, String by,
      Instant now) {
    jdbc.update("INSERT INTO mdf_claim (request_id, receipt_amount, leads_generated, pipeline_value, evidence_note, "
        + "claimed_by, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", requestId, receipt, leads, pipeline, note, by,
        Timestamp.from(now));
  }

  void decideClaim(String requestId, String decision, String by, String reason, Instant now) {
    jdbc.update("UPDATE mdf_claim SET decision = ?, decided_by = ?, decision_reason = ?, decided_at = ? "
        + "WHERE request_id = ?", decision, by, reason, Timestamp.from(now), requestId);
  }

  Optional<Claim> claim(String requestId) {
    return jdbc.query("SELECT receipt_amount, leads_generated, pipeline_value, evidence_note, claimed_by, "
            + "claimed_at, decision, decided_by, decision_reason, decided_at FROM mdf_claim WHERE request_id = ?",
        (rs, i) -> new Claim(rs.getBigDecimal(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4),
            rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9), instant(rs, 10)),
        requestId).stream().findFirst();
  }

  void insertReimbursement(Reimbursement r) {
    jdbc.update("INSERT INTO mdf_reimbursement (request_id, partner_id, amount, approved_on, due_on, terms_version) "
            + "VALUES (?, ?, ?, ?, ?, ?)", r.requestId(), r.partnerId(), r.amount(), Date.valueOf(r.approvedOn()),
        Date.valueOf(r.dueOn()), r.termsVersion());
  }

  void recordPayment(String requestId, LocalDate paidOn, String reference, String by, Instant now) {
    jdbc.update("UPDATE mdf_reimbursement SET paid_on = ?, reference = ?, recorded_by = ?, recorded_at = ? "
        + "WHERE request_id = ?", Date.valueOf(paidOn), reference, by, Timestamp.from(now), requestId);
  }

  Optional<Reimbursement> reimbursement(String requestId) {
    return jdbc.query("SELECT request_id, partner_id, amount, approved_on, due_on, paid_on, reference, recorded_by, "
        + "terms_version FROM mdf_reimbursement WHERE request_id = ?", MdfRepository::reimbursement, requestId)
        .stream().findFirst();
  }

  /** The partner's reimbursements, latest due first. */
  List<Reimbursement> reimbursements(String partnerId) {
    return jdbc.query("SELECT request_id, partner_id, amount, approved_on, due_on, paid_on, reference, recorded_by, "
        + "terms_version FROM mdf_reimbursement WHERE partner_id = ? ORDER BY due_on DESC, request_id",
        MdfRepository::reimbursement, partnerId);
  }

  // --- steps --------------------------------------------------------------------------------------------------

  void addStep(String requestId, String partnerId, String action, String by, BigDecimal amount, String note,
      Instant now) {
    jdbc.update("INSERT INTO mdf_step (request_id, partner_id, action, decided_by, amount, note, at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", requestId, partnerId, action, by, amount, note, Timestamp.from(now));
  }

  List<Step> steps(String requestId) {
    return jdbc.query("SELECT action, decided_by, amount, note, at FROM mdf_step WHERE request_id = ? ORDER BY id",
        (rs, i) -> new Step(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), instant(rs, 5)),
        requestId);
  }

  // --- ROI ----------------------------------------------------------------------------------------------------

  /** Claims approved from {@code from} to {@code to} (inclusive), by tier. */
  List<RoiLine> roi(LocalDate from, LocalDate to) {
    return jdbc.query("SELECT r.tier, COUNT(*), COALESCE(SUM(m.amount), 0), "
            + "COALESCE(SUM(CASE WHEN m.paid_on IS NULL THEN 0 ELSE m.amount END), 0), "
            + "COALESCE(SUM(c.leads_generated), 0), COALESCE(SUM(c.pipeline_value), 0) "
            + "FROM mdf_reimbursement m JOIN mdf_request r ON r.id = m.request_id "
            + "JOIN mdf_claim c ON c.request_id = m.request_id "
            + "WHERE m.approved_on >= ? AND m.approved_on <= ? GROUP BY r.tier ORDER BY r.tier",
        (rs, i) -> new RoiLine(Tier.valueOf(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3),
            rs.getBigDecimal(4), rs.getLong(5), rs.getBigDecimal(6)), Date.valueOf(from), Date.valueOf(to));
  }

  // --- mapping ------------------------------------------------------------------------------------------------

  private static MdfRequest request(ResultSet rs, int row) throws SQLException {
    String refusal = rs.getString("refusal");
    return new MdfRequest(rs.getString("id"), rs.getString("partner_id"), rs.getString("activity"),
        MdfUse.valueOf(rs.getString("mdf_use")), rs.getBigDecimal("amount"), rs.getDate("planned_on").toLocalDate(),
        rs.getInt("expected_leads"), MdfStatus.valueOf(rs.getString("status")), Tier.valueOf(rs.getString("tier")),
        rs.getInt("fiscal_year"), rs.getInt("fiscal_quarter"), rs.getBigDecimal("reserved_amount"),
        rs.getBoolean("leadership_approval"), refusal == null ? null : MdfRules.Refusal.valueOf(refusal),
        rs.getString("decision_reason"), rs.getBigDecimal("amount_left"), rs.getDate("lapses_after").toLocalDate(),
        rs.getString("terms_version"), rs.getString("reviewed_by"), rs.getString("approved_by"),
        rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant());
  }

  private static Reimbursement reimbursement(ResultSet rs, int row) throws SQLException {
    return new Reimbursement(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getDate(4).toLocalDate(),
        rs.getDate(5).toLocalDate(), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7),
        rs.getString(8), rs.getString(9));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
