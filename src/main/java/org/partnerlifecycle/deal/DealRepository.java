package org.partnerlifecycle.deal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Deal registrations, their idempotency keys, direct opportunities and the per-customer lock. */
@Repository
class DealRepository {

  private final JdbcTemplate jdbc;
  /** The database's own upsert for the lock row (PostgreSQL and H2 spell it differently). */
  private volatile String upsertLockRow;

  DealRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(DealRegistration d) {
    jdbc.update("INSERT INTO deal_registration (id, partner_id, submitted_by, customer_name, customer_domain, "
            + "normalized_domain, motion, deal_type, license_type, product, estimated_value, term_months, "
            + "proposed_rate, status, conflict, conflict_evidence, terms_version, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        d.id(), d.partnerId(), d.submittedBy(), d.customerName(), d.customerDomain(), d.normalizedDomain(),
        d.motion(), d.dealType(), d.licenseType(), d.product(), d.estimatedValue(), d.termMonths(), d.proposedRate(),
        d.status().name(), d.conflict(), d.conflictEvidence(), d.termsVersion(), Timestamp.from(d.createdAt()),
        Timestamp.from(d.createdAt()));
  }

  public Optional<DealRegistration> find(String id) {
    return jdbc.query("SELECT * FROM deal_registration WHERE id = ?", this::map, id).stream().findFirst();
  }

  public DealRegistration get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("No deal registration " + id));
  }

  /** Live registrations of any partner for this customer, other than {@code exceptId}. */
  public List<DealRegistration> liveForCustomer(String normalizedDomain, String exceptId) {
    return jdbc.query("SELECT * FROM deal_registration WHERE normalized_domain = ? AND id <> ? AND status IN "
        + "('SUBMITTED', 'IN_REVIEW', 'AWAITING_RATE_APPROVAL', 'APPROVED') ORDER BY created_at", this::map,
        normalizedDomain, exceptId);
  }

  public long countApproved(String partnerId) {
    return jdbc.queryForObject("SELECT count(*) FROM deal_registration WHERE partner_id = ? AND rate_locked_at IS NOT "
        + "NULL", Long.class, partnerId);
  }

  // --- idempotency -------------------------------------------------------------------------------------------

  public record IdempotentRequest(String dealId, String requestHash) {
  }

  public Optional<IdempotentRequest> findIdempotent(String caller, String key) {
    return jdbc.query("SELECT deal_id, request_hash FROM deal_idempotency_key WHERE caller = ? AND idempotency_key = ?",
        (rs, i) -> new IdempotentRequest(rs.getString(1), rs.getString(2)), caller, key).stream().findFirst();
  }

  /** Fails with a duplicate key when another request with the same key committed first. */
  public void rememberIdempotent(String caller, String key, String dealId, String requestHash, Instant now) {
    jdbc.update("INSERT INTO deal_idempotency_key (caller, idempotency_key, deal_id, request_hash, created_at) "
        + "VALUES (?, ?, ?, ?, ?)", caller, key, dealId, requestHash, Timestamp.from(now));
  }

  // --- the per-customer lock ---------------------------------------------------------------------------------

  /**
   * Makes sure the customer's lock row exists, in the caller's transaction. A concurrent insert of the same
   * customer waits for the other transaction and then does nothing, so the lock below still serialises them.
   */
  public void ensureCustomerLockRow(String normalizedDomain) {
    jdbc.update(upsertLockRow(), normalizedDomain);
  }

  private String upsertLockRow() {
    if (upsertLockRow == null) {
      String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
      upsertLockRow = "PostgreSQL".equals(product)
          ? "INSERT INTO customer_domain_lock (normalized_domain) VALUES (?) ON CONFLICT DO NOTHING"
          : "MERGE INTO customer_domain_lock (normalized_domain) KEY (normalized_domain) VALUES (?)";
    }
    return upsertLockRow;
  }

  /** Locks the customer until the caller's transaction ends: conflict checks for one customer run one at a time. */
  public void lockCustomer(String normalizedDomain) {
    jdbc.queryForList("SELECT normalized_domain FROM customer_domain_lock WHERE normalized_domain = ? FOR UPDATE",
        normalizedDomain);
  }

  // --- direct pipeline ---------------------------------------------------------------------------------------

  public record DirectOpportunity(String id, String customerName, String customerDomain, String owner,
      Instant createdAt) {
  }

  public void insertDirectOpportunity(DirectOpportunity o, String normalizedDomain, String createdBy) {
    jdbc.update("INSERT INTO direct_opportunity (id, customer_name, customer_domain, normalized_domain, owner, "
            + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", o.id(), o.customerName(), o.customerDomain(),
        normalizedDomain, o.owner(), createdBy, Timestamp.from(o.createdAt()));
  }

  public List<DirectOpportunity> directOpportunities(String normalizedDomain) {
    return jdbc.query("SELECT * FROM direct_opportunity WHERE normalized_domain = ? ORDER BY created_at",
        (rs, i) -> new DirectOpportunity(rs.getString("id"), rs.getString("customer_name"),
            rs.getString("customer_domain"), rs.getString("owner"), rs.getTimestamp("created_at").toInstant()),
        normalizedDomain);
  }

  // --- state changes -----------------------------------------------------------------------------------------

  public void update(String id, Instant now, String assignments, Object... values) {
    Object[] args = Arrays.copyOf(values, values.length + 2);
    args[values.length] = Timestamp.from(now);
    args[values.length + 1] = id;
    if (jdbc.update("UPDATE deal_registration SET " + assignments + ", updated_at = ? WHERE id = ?", args) != 1) {
      throw new NotFoundException("No deal registration " + id);
    }
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private DealRegistration map(ResultSet rs, int row) throws SQLException {
    return new DealRegistration(rs.getString("id"), rs.getString("partner_id"), rs.getString("submitted_by"),
        rs.getString("customer_name"), rs.getString("customer_domain"), rs.getString("normalized_domain"),
        rs.getString("motion"), rs.getString("deal_type"), rs.getString("license_type"), rs.getString("product"),
        rs.getBigDecimal("estimated_value"), rs.getInt("term_months"), rs.getBigDecimal("proposed_rate"),
        DealStatus.valueOf(rs.getString("status")), rs.getBoolean("conflict"), rs.getString("conflict_evidence"),
        rs.getString("attribution"), rs.getString("rate_kind"), rs.getBigDecimal("standard_percent"),
        rs.getBigDecimal("rate_percent"), rs.getBoolean("rate_negotiated"), rs.getString("rate_term"), rs.getString("rate_proposed_by"),
        rs.getString("rate_approved_by"), instant(rs, "rate_locked_at"), rs.getString("terms_version"),
        instant(rs, "protection_ends_at"), rs.getBoolean("extension_used"), instant(rs, "escalated_at"),
        rs.getString("reviewed_by"), rs.getString("reason"), rs.getBigDecimal("closed_amount"),
        localDate(rs, "closed_on"), localDate(rs, "cancelled_on"), instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
