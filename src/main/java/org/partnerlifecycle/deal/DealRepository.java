package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.partnerlifecycle.rules.Attribution;
import org.partnerlifecycle.rules.DealType;
import org.partnerlifecycle.rules.IncentiveKind;
import org.partnerlifecycle.rules.LicenseType;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Product;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Deal registrations, their idempotency keys, direct opportunities and the per-customer lock. */
@Repository
class DealRepository {

  private final JdbcTemplate jdbc;
  /** Whether the database is PostgreSQL: it and H2 spell an upsert differently. */
  private volatile Boolean postgres;

  DealRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A new registration, marked for {@link ReviewStarts} to start its review. */
  public void insert(DealRegistration d) {
    jdbc.update("INSERT INTO deal_registration (id, partner_id, submitted_by, customer_name, customer_domain, "
            + "normalized_domain, motion, deal_type, license_type, product, estimated_value, term_months, "
            + "proposed_rate, status, conflict, conflict_evidence, terms_version, created_at, updated_at, seats, "
            + "unit_price, remaining_months, review_pending) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)",
        d.id(), d.partnerId(), d.submittedBy(), d.customerName(), d.customerDomain(), d.normalizedDomain(),
        d.motion().name(), d.dealType().name(), d.licenseType().name(), d.product().name(), d.estimatedValue(),
        d.termMonths(), d.proposedRate(),
        d.status().name(), d.conflict(), d.conflictEvidence(), d.termsVersion(), Timestamp.from(d.createdAt()),
        Timestamp.from(d.createdAt()), d.addOn() == null ? null : d.addOn().seats(),
        d.addOn() == null ? null : d.addOn().unitPrice(), d.addOn() == null ? null : d.addOn().remainingMonths());
  }

  public Optional<DealRegistration> find(String id) {
    return jdbc.query("SELECT * FROM deal_registration WHERE id = ?", this::map, id).stream().findFirst();
  }

  /** Registrations of one partner (or all, when null) in one status (or any), newest first. */
  public List<DealRegistration> list(String partnerId, DealStatus status, int offset, int limit) {
    Object[] where = where(partnerId, status);
    List<Object> arguments = new java.util.ArrayList<>(List.of((Object[]) where[1]));
    arguments.add(offset);
    arguments.add(limit);
    return jdbc.query("SELECT * FROM deal_registration" + where[0] + " ORDER BY created_at DESC, id DESC "
        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::map, arguments.toArray());
  }

  public long count(String partnerId, DealStatus status) {
    Object[] where = where(partnerId, status);
    return jdbc.queryForObject("SELECT count(*) FROM deal_registration" + where[0], Long.class, (Object[]) where[1]);
  }

  private static Object[] where(String partnerId, DealStatus status) {
    List<String> conditions = new java.util.ArrayList<>();
    List<Object> values = new java.util.ArrayList<>();
    if (partnerId != null) {
      conditions.add("partner_id = ?");
      values.add(partnerId);
    }
    if (status != null) {
      conditions.add("status = ?");
      values.add(status.name());
    }
    return new Object[] {conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values.toArray()};
  }

  public DealRegistration get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("No deal registration " + id));
  }

  /** A live registration of any partner, or a direct opportunity, for the customer a registration names. */
  record ConflictingClaim(ClaimKind kind, String id, String holder, DealStatus status, Instant since) {
  }

  enum ClaimKind { REGISTRATION, DIRECT_OPPORTUNITY }

  /**
   * What a new registration for this customer conflicts with, in one query: live registrations of any partner other
   * than {@code exceptId} (held by their partner), then direct opportunities (held by their owner), each oldest
   * first.
   */
  List<ConflictingClaim> conflictingClaims(String normalizedDomain, String exceptId) {
    return jdbc.query("SELECT 0 AS kind, id, partner_id AS holder, status, created_at FROM deal_registration "
        + "WHERE normalized_domain = ? AND id <> ? AND status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_RATE_APPROVAL', "
        + "'APPROVED') UNION ALL SELECT 1 AS kind, id, owner AS holder, CAST(NULL AS VARCHAR(30)) AS status, "
        + "created_at FROM direct_opportunity WHERE normalized_domain = ? ORDER BY kind, created_at",
        (rs, row) -> new ConflictingClaim(ClaimKind.values()[rs.getInt("kind")], rs.getString("id"),
            rs.getString("holder"), rs.getString("status") == null ? null : DealStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("created_at").toInstant()), normalizedDomain, exceptId, normalizedDomain);
  }

  public long countApproved(String partnerId) {
    return jdbc.queryForObject("SELECT count(*) FROM deal_registration WHERE partner_id = ? AND rate_locked_at IS NOT "
        + "NULL", Long.class, partnerId);
  }

  /** {@link #countApproved(String)} for each of these partners that has any. */
  Map<String, Long> countApproved(Collection<String> partnerIds) {
    Map<String, Long> counts = new HashMap<>();
    if (!partnerIds.isEmpty()) {
      jdbc.query("SELECT partner_id, count(*) AS approved FROM deal_registration WHERE partner_id IN ("
          + placeholders(partnerIds.size()) + ") AND rate_locked_at IS NOT NULL GROUP BY partner_id",
          (ResultSet rs) -> {
            counts.put(rs.getString("partner_id"), rs.getLong("approved"));
          }, partnerIds.toArray());
    }
    return counts;
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
   * Locks the customer until the caller's transaction ends, making its lock row if it is the first registration:
   * conflict checks for one customer run one at a time, and two racing first registrations cannot both miss each
   * other (the second insert waits for the first's transaction). On PostgreSQL one statement: an upsert whose update
   * takes the row lock, as {@code SELECT … FOR UPDATE} would (issue 30: one round trip fewer per intake).
   */
  public void lockCustomer(String normalizedDomain) {
    if (postgres()) {
      jdbc.update("INSERT INTO customer_domain_lock (normalized_domain) VALUES (?) ON CONFLICT (normalized_domain) "
          + "DO UPDATE SET normalized_domain = EXCLUDED.normalized_domain", normalizedDomain);
    } else {
      jdbc.update("MERGE INTO customer_domain_lock (normalized_domain) KEY (normalized_domain) VALUES (?)",
          normalizedDomain);
      jdbc.queryForList("SELECT normalized_domain FROM customer_domain_lock WHERE normalized_domain = ? FOR UPDATE",
          normalizedDomain);
    }
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData()
          .getDatabaseProductName()));
    }
    return postgres;
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

  // --- state changes -----------------------------------------------------------------------------------------

  /** CheckRegistration: in review, with the table's rate kind and standard (sourced) percent. */
  public void startReview(String id, Instant now, IncentiveKind rateKind, BigDecimal standardPercent,
      boolean rateNegotiated, String reviewFacts) {
    update(id, now, "status = ?, rate_kind = ?, standard_percent = ?, rate_negotiated = ?, review_facts = ?, "
        + "review_pending = FALSE", DealStatus.IN_REVIEW.name(), rateKind.name(), standardPercent, rateNegotiated,
        reviewFacts);
  }

  /** What the check worded for the review's forms (JSON); empty before the check. */
  Optional<String> reviewFacts(String id) {
    return jdbc.queryForList("SELECT review_facts FROM deal_registration WHERE id = ?", String.class, id).stream()
        .filter(Objects::nonNull).findFirst();
  }

  /**
   * Locks up to {@code limit} registrations whose review has yet to start, oldest first, skipping those another
   * transaction holds (another node's round is starting them) and those in {@code skipped}.
   */
  List<DealRegistration> claimPendingReviews(int limit, Collection<String> skipped) {
    List<Object> arguments = new ArrayList<>(skipped);
    arguments.add(limit);
    return jdbc.query("SELECT * FROM deal_registration WHERE review_pending AND status = 'SUBMITTED'"
        + (skipped.isEmpty() ? "" : " AND id NOT IN (" + placeholders(skipped.size()) + ")")
        + " ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED", this::map, arguments.toArray());
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /** The registrations whose review has yet to start, oldest first, without locking them. */
  List<String> pendingReviews(int limit) {
    return jdbc.queryForList("SELECT id FROM deal_registration WHERE review_pending AND status = 'SUBMITTED' "
        + "ORDER BY created_at, id LIMIT ?", String.class, limit);
  }

  /** Locks this registration if its review has yet to start and no other transaction holds it. */
  Optional<DealRegistration> claimPendingReview(String id) {
    return jdbc.query("SELECT * FROM deal_registration WHERE id = ? AND review_pending AND status = 'SUBMITTED' "
        + "FOR UPDATE SKIP LOCKED", this::map, id).stream().findFirst();
  }

  public void reject(String id, Instant now, String reason, String reviewedBy) {
    update(id, now, "status = ?, reason = ?, reviewed_by = ?", DealStatus.REJECTED.name(), reason, reviewedBy);
  }

  /**
   * The review's approval with its attribution and rate: still IN_REVIEW, or AWAITING_RATE_APPROVAL when the rate
   * goes to leadership (then its proposer is recorded for the four-eyes check).
   */
  public void recordApproval(String id, Instant now, boolean toLeadership, Attribution attribution,
      IncentiveKind rateKind, BigDecimal ratePercent, String rateTerm, BigDecimal proposedRate, String rateProposedBy,
      String reviewedBy, String reason) {
    update(id, now, "status = ?, attribution = ?, rate_kind = ?, rate_percent = ?, rate_negotiated = ?, rate_term = ?, "
            + "proposed_rate = ?, rate_proposed_by = ?, reviewed_by = ?, reason = ?",
        toLeadership ? DealStatus.AWAITING_RATE_APPROVAL.name() : DealStatus.IN_REVIEW.name(), attribution.name(),
        rateKind.name(), ratePercent, toLeadership, rateTerm, proposedRate, rateProposedBy, reviewedBy, reason);
  }

  /** Leadership's rate; its reason, if any, replaces the review's. */
  public void approveRate(String id, Instant now, BigDecimal ratePercent, String approvedBy, String reason) {
    update(id, now, "rate_percent = ?, rate_approved_by = ?, reason = COALESCE(?, reason)", ratePercent, approvedBy,
        reason);
  }

  /** APPROVED: the rate is locked now and the customer is protected until {@code protectionEndsAt}. */
  public void lockRate(String id, Instant now, Instant protectionEndsAt) {
    update(id, now, "status = ?, rate_locked_at = ?, protection_ends_at = ?", DealStatus.APPROVED.name(), ts(now),
        ts(protectionEndsAt));
  }

  public void recordEscalation(String id, Instant now) {
    update(id, now, "escalated_at = ?", ts(now));
  }

  /** The one extension request is decided: protection ends at {@code protectionEndsAt} (extended or not). */
  public void useExtension(String id, Instant now, Instant protectionEndsAt) {
    update(id, now, "protection_ends_at = ?, extension_used = TRUE", ts(protectionEndsAt));
  }

  public void expire(String id, Instant now) {
    update(id, now, "status = ?", DealStatus.EXPIRED.name());
  }

  /** The close as reported (the process records WON or LOST from it). */
  public void recordClosing(String id, Instant now, BigDecimal amount, LocalDate closedOn) {
    update(id, now, "closed_amount = ?, closed_on = ?", amount, date(closedOn));
  }

  public void win(String id, Instant now) {
    update(id, now, "status = ?", DealStatus.WON.name());
  }

  public void lose(String id, Instant now) {
    update(id, now, "status = ?", DealStatus.LOST.name());
  }

  /** Why a WON deal books no payout. */
  public void recordNoPayout(String id, Instant now, String reason) {
    update(id, now, "reason = ?", reason);
  }

  /** A downgrade: the customer's contract is now worth {@code newAmount}. */
  public void downgrade(String id, Instant now, BigDecimal newAmount) {
    update(id, now, "current_amount = ?", newAmount);
  }

  /** Locks the registration's row until the transaction ends: money for one deal is booked one step at a time. */
  public void lock(String id) {
    if (jdbc.queryForList("SELECT id FROM deal_registration WHERE id = ? FOR UPDATE", id).isEmpty()) {
      throw new NotFoundException("No deal registration " + id);
    }
  }

  public void cancel(String id, Instant now, LocalDate cancelledOn, String reason) {
    update(id, now, "status = ?, cancelled_on = ?, reason = ?", DealStatus.CANCELLED.name(), date(cancelledOn), reason);
  }

  private void update(String id, Instant now, String assignments, Object... values) {
    Object[] args = Arrays.copyOf(values, values.length + 2);
    args[values.length] = Timestamp.from(now);
    args[values.length + 1] = id;
    if (jdbc.update("UPDATE deal_registration SET " + assignments + ", updated_at = ? WHERE id = ?", args) != 1) {
      throw new NotFoundException("No deal registration " + id);
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private DealRegistration map(ResultSet rs, int row) throws SQLException {
    return new DealRegistration(rs.getString("id"), rs.getString("partner_id"), rs.getString("submitted_by"),
        rs.getString("customer_name"), rs.getString("customer_domain"), rs.getString("normalized_domain"),
        Motion.valueOf(rs.getString("motion")), DealType.valueOf(rs.getString("deal_type")),
        LicenseType.valueOf(rs.getString("license_type")), Product.valueOf(rs.getString("product")),
        rs.getBigDecimal("estimated_value"), rs.getInt("term_months"), rs.getBigDecimal("proposed_rate"),
        DealStatus.valueOf(rs.getString("status")), rs.getBoolean("conflict"), rs.getString("conflict_evidence"),
        enumOf(Attribution.class, rs.getString("attribution")), enumOf(IncentiveKind.class, rs.getString("rate_kind")),
        rs.getBigDecimal("standard_percent"),
        rs.getBigDecimal("rate_percent"), rs.getBoolean("rate_negotiated"), rs.getString("rate_term"), rs.getString("rate_proposed_by"),
        rs.getString("rate_approved_by"), instant(rs, "rate_locked_at"), rs.getString("terms_version"),
        instant(rs, "protection_ends_at"), rs.getBoolean("extension_used"), instant(rs, "escalated_at"),
        rs.getString("reviewed_by"), rs.getString("reason"), rs.getBigDecimal("closed_amount"),
        localDate(rs, "closed_on"), localDate(rs, "cancelled_on"), instant(rs, "created_at"),
        rs.getObject("seats") == null ? null : new DealRegistration.AddOnSeats(rs.getInt("seats"),
            rs.getBigDecimal("unit_price"), rs.getInt("remaining_months")),
        rs.getBigDecimal("current_amount"));
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
