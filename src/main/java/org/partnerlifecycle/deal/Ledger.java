package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.engine.EngineTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The partner ledger. Append-only; at most one entry per deal, kind and sequence number, and one per MDF request
 * (unique constraints), so a retried job or a repeated API call cannot book money twice. A revenue share is booked per contract year (sequence
 * number = year − 1). Where each entry stands in its payment lifecycle is kept beside it in
 * {@code ledger_entry_state} ({@link SettlementStatus}), moved by the named methods below.
 */
@Repository
public class Ledger {

  public static final String CLAWBACK = "CLAWBACK";
  public static final String ADJUSTMENT = "ADJUSTMENT";
  public static final String REVENUE_SHARE = "REVENUE_SHARE";
  public static final String DISCOUNT = "DISCOUNT";
  /** An approved MDF claim's reimbursement: for an MDF request, not a deal; paid by finance, never on a statement. */
  public static final String MDF_REIMBURSEMENT = "MDF_REIMBURSEMENT";

  /** An entry a payout run may put on a statement: a payable revenue share or an open clawback or adjustment. */
  public record Settleable(long entryId, String partnerId, String dealId, String kind, Integer contractYear,
      BigDecimal amount, String termsVersion, String explanation) {
  }

  private static final String SELECT = "SELECT e.*, s.contract_year, s.status, s.customer_paid_on, s.payable_on, "
      + "s.statement_id FROM ledger_entry e LEFT JOIN ledger_entry_state s ON s.entry_id = e.id ";

  private final JdbcTemplate jdbc;
  private final EngineTime time;

  public Ledger(JdbcTemplate jdbc, EngineTime time) {
    this.jdbc = jdbc;
    this.time = time;
  }

  /** Books an entry unless the deal already has one of this kind. @return whether it was booked now */
  public boolean bookOnce(String partnerId, String dealId, String kind, BigDecimal amount, BigDecimal rate,
      BigDecimal basis, String termsVersion, String explanation, Instant now) {
    if (find(dealId, kind).isPresent()) {
      return false;
    }
    insert(partnerId, dealId, kind, amount, rate, basis, termsVersion, explanation, now, 0);
    return true;
  }

  /**
   * Books one contract year's revenue share, ACCRUED, unless that year is booked already. @return whether it was
   * booked now
   */
  public boolean bookContractYear(String partnerId, String dealId, int contractYear, LocalDate yearStartsOn,
      BigDecimal amount, BigDecimal rate, BigDecimal basis, String termsVersion, String explanation, Instant now) {
    Integer booked = jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE deal_id = ? AND kind = ? AND seq = ?",
        Integer.class, dealId, REVENUE_SHARE, contractYear - 1);
    if (booked != null && booked > 0) {
      return false;
    }
    long id = insert(partnerId, dealId, REVENUE_SHARE, amount, rate, basis, termsVersion, explanation, now,
        contractYear - 1);
    jdbc.update("UPDATE ledger_entry_state SET contract_year = ?, year_starts_on = ? WHERE entry_id = ?", contractYear,
        Date.valueOf(yearStartsOn), id);
    return true;
  }

  /**
   * Books one more entry of this kind for the deal (downgrade adjustments; a CONDUCT removal's clawback after a
   * cancellation's): numbered after the deal's last entry of the kind. The caller holds the deal's lock.
   */
  public void bookNext(String partnerId, String dealId, String kind, BigDecimal amount, BigDecimal rate,
      BigDecimal basis, String termsVersion, String explanation, Instant now) {
    Integer last = jdbc.queryForObject("SELECT max(seq) FROM ledger_entry WHERE deal_id = ? AND kind = ?",
        Integer.class, dealId, kind);
    insert(partnerId, dealId, kind, amount, rate, basis, termsVersion, explanation, now, last == null ? 0 : last + 1);
  }

  private long insert(String partnerId, String dealId, String kind, BigDecimal amount, BigDecimal rate,
      BigDecimal basis, String termsVersion, String explanation, Instant now, int seq) {
    jdbc.update("INSERT INTO ledger_entry (partner_id, deal_id, kind, amount, rate, basis, terms_version, explanation, "
        + "booked_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", partnerId, dealId, kind, amount, rate, basis,
        termsVersion, explanation, Timestamp.from(now), seq);
    Long id = jdbc.queryForObject("SELECT id FROM ledger_entry WHERE deal_id = ? AND kind = ? AND seq = ?", Long.class,
        dealId, kind, seq);
    if (!DISCOUNT.equals(kind)) {
      jdbc.update("INSERT INTO ledger_entry_state (entry_id, partner_id, deal_id, status, changed_at) "
          + "VALUES (?, ?, ?, ?, ?)", id, partnerId, dealId,
          (REVENUE_SHARE.equals(kind) ? SettlementStatus.ACCRUED : SettlementStatus.OPEN).name(), Timestamp.from(now));
    }
    return id;
  }

  /**
   * Books an approved MDF claim's reimbursement, PAYABLE from {@code payableOn}, unless the request has one already.
   * @return whether it was booked now
   */
  public boolean bookMdfReimbursement(String partnerId, String mdfRequestId, BigDecimal amount, String termsVersion,
      String explanation, LocalDate payableOn, Instant now) {
    Integer booked = jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE mdf_request_id = ?", Integer.class,
        mdfRequestId);
    if (booked != null && booked > 0) {
      return false;
    }
    jdbc.update("INSERT INTO ledger_entry (partner_id, mdf_request_id, kind, amount, basis, terms_version, "
        + "explanation, booked_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", partnerId, mdfRequestId, MDF_REIMBURSEMENT,
        amount, amount, termsVersion, explanation, Timestamp.from(now));
    jdbc.update("INSERT INTO ledger_entry_state (entry_id, partner_id, status, payable_on, changed_at) "
        + "SELECT id, partner_id, ?, ?, ? FROM ledger_entry WHERE mdf_request_id = ?", SettlementStatus.PAYABLE.name(),
        Date.valueOf(payableOn), Timestamp.from(now), mdfRequestId);
    return true;
  }

  /** Finance paid the MDF request's reimbursement: its ledger entry is PAID. */
  public void mdfReimbursementPaid(String mdfRequestId) {
    jdbc.update("UPDATE ledger_entry_state SET status = ?, changed_at = ? WHERE entry_id = (SELECT id FROM "
        + "ledger_entry WHERE mdf_request_id = ?)", SettlementStatus.PAID.name(), Timestamp.from(time.now()),
        mdfRequestId);
  }

  /** The ledger entry of an MDF request's reimbursement, once its claim is approved. */
  public Optional<LedgerEntry> mdfReimbursement(String mdfRequestId) {
    return jdbc.query(SELECT + "WHERE e.mdf_request_id = ?", this::map, mdfRequestId).stream().findFirst();
  }

  /**
   * What is still owed on a deal's revenue share: the revenue share not cancelled less every clawback and adjustment
   * booked against it (zero for a discount, which is never paid out).
   */
  public BigDecimal outstandingRevenueShare(String dealId) {
    BigDecimal share = jdbc.queryForObject("SELECT sum(e.amount) FROM ledger_entry e JOIN ledger_entry_state s ON "
        + "s.entry_id = e.id WHERE e.deal_id = ? AND e.kind = ? AND s.status <> ?", BigDecimal.class, dealId,
        REVENUE_SHARE, SettlementStatus.CANCELLED.name());
    if (share == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    return share.add(takenBack(dealId));
  }

  /** The revenue share booked on a deal, all contract years together (cancelled years too); zero when none. */
  public BigDecimal revenueShareBooked(String dealId) {
    BigDecimal share = jdbc.queryForObject("SELECT sum(amount) FROM ledger_entry WHERE deal_id = ? AND kind = ?",
        BigDecimal.class, dealId, REVENUE_SHARE);
    return share == null ? BigDecimal.ZERO.setScale(2) : share;
  }

  private BigDecimal takenBack(String dealId) {
    BigDecimal taken = jdbc.queryForObject("SELECT sum(amount) FROM ledger_entry WHERE deal_id = ? AND kind IN (?, ?)",
        BigDecimal.class, dealId, CLAWBACK, ADJUSTMENT);
    return taken == null ? BigDecimal.ZERO : taken;
  }

  /**
   * Cancels the deal's revenue shares not payable on {@code asOf}: contract years starting after it, and years whose
   * customer payment is not recorded or still in its refund holdback (the customer is refunded). @return how many
   */
  public int cancelUnpayable(String dealId, LocalDate asOf) {
    return jdbc.update("UPDATE ledger_entry_state SET status = ?, changed_at = ? WHERE deal_id = ? AND status = ? "
        + "AND contract_year IS NOT NULL AND (payable_on IS NULL OR payable_on > ? OR year_starts_on > ?)",
        SettlementStatus.CANCELLED.name(), Timestamp.from(time.now()), dealId, SettlementStatus.ACCRUED.name(),
        Date.valueOf(asOf), Date.valueOf(asOf));
  }

  /** The deals of a partner with a revenue share booked, oldest first. */
  public List<String> dealsWithRevenueShare(String partnerId) {
    return jdbc.queryForList("SELECT DISTINCT deal_id, min(id) FROM ledger_entry WHERE partner_id = ? AND kind = ? "
        + "GROUP BY deal_id ORDER BY min(id)", partnerId, REVENUE_SHARE).stream()
        .map(row -> (String) row.get("deal_id")).toList();
  }

  public Optional<LedgerEntry> find(String dealId, String kind) {
    return jdbc.query(SELECT + "WHERE e.deal_id = ? AND e.kind = ? ORDER BY e.seq DESC", this::map, dealId,
        kind).stream().findFirst();
  }

  /** The revenue share of one contract year of a deal. */
  public Optional<LedgerEntry> contractYear(String dealId, int contractYear) {
    return jdbc.query(SELECT + "WHERE e.deal_id = ? AND e.kind = ? AND s.contract_year = ?", this::map, dealId,
        REVENUE_SHARE, contractYear).stream().findFirst();
  }

  /** The payout booked for a deal (revenue share, its first contract year; or discount), if any. */
  public Optional<LedgerEntry> payoutOf(String dealId) {
    return jdbc.query(SELECT + "WHERE e.deal_id = ? AND e.kind IN (?, ?) ORDER BY e.seq", this::map, dealId,
        REVENUE_SHARE, DISCOUNT).stream().findFirst();
  }

  public List<LedgerEntry> forPartner(String partnerId) {
    return jdbc.query(SELECT + "WHERE e.partner_id = ? ORDER BY e.id", this::map, partnerId);
  }

  public List<LedgerEntry> forDeal(String dealId) {
    return jdbc.query(SELECT + "WHERE e.deal_id = ? ORDER BY e.id", this::map, dealId);
  }

  /** The customer paid for the entry's contract year: payable from {@code payableOn} (after the refund holdback). */
  void customerPaid(long entryId, LocalDate paidOn, LocalDate payableOn) {
    jdbc.update("UPDATE ledger_entry_state SET customer_paid_on = ?, payable_on = ?, changed_at = ? WHERE entry_id = ?",
        Date.valueOf(paidOn), Date.valueOf(payableOn), Timestamp.from(time.now()), entryId);
  }

  // --- settlement: what payout runs read and move ------------------------------------------------------------

  /**
   * What a run on {@code statementDate} may put on statements, by partner: revenue shares payable on that date and
   * open clawbacks and adjustments, not on a statement yet.
   */
  public List<Settleable> settleable(LocalDate statementDate) {
    return jdbc.query("SELECT e.id, e.partner_id, e.deal_id, e.kind, s.contract_year, e.amount, e.terms_version, "
        + "e.explanation FROM ledger_entry_state s JOIN ledger_entry e ON e.id = s.entry_id "
        + "WHERE ((s.status = ? AND s.payable_on <= ?) OR s.status = ?) AND e.amount <> 0 ORDER BY e.partner_id, e.id",
        (rs, row) -> new Settleable(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            (Integer) rs.getObject(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)),
        SettlementStatus.ACCRUED.name(), Date.valueOf(statementDate), SettlementStatus.OPEN.name());
  }

  /** The entries go on their statements (ON_STATEMENT): entry id → statement id. */
  public void putOnStatements(java.util.Map<Long, String> statementOfEntry) {
    Timestamp now = Timestamp.from(time.now());
    jdbc.batchUpdate("UPDATE ledger_entry_state SET status = ?, statement_id = ?, changed_at = ? WHERE entry_id = ?",
        statementOfEntry.entrySet().stream().map(e -> new Object[] {SettlementStatus.ON_STATEMENT.name(),
            e.getValue(), now, e.getKey()}).toList());
  }

  /** The statement was paid: its entries are PAID. */
  public void statementPaid(String statementId) {
    jdbc.update("UPDATE ledger_entry_state SET status = ?, changed_at = ? WHERE statement_id = ?",
        SettlementStatus.PAID.name(), Timestamp.from(time.now()), statementId);
  }

  /** The statement was voided (its run rejected): its entries wait for the next run as before. */
  public void releaseStatement(String statementId) {
    jdbc.update("UPDATE ledger_entry_state SET status = CASE WHEN contract_year IS NULL THEN ? ELSE ? END, "
        + "statement_id = NULL, changed_at = ? WHERE statement_id = ?", SettlementStatus.OPEN.name(),
        SettlementStatus.ACCRUED.name(), Timestamp.from(time.now()), statementId);
  }

  private LedgerEntry map(ResultSet rs, int row) throws SQLException {
    String stored = rs.getString("status");
    Date payableOn = rs.getDate("payable_on");
    Date paidOn = rs.getDate("customer_paid_on");
    SettlementStatus status = stored == null ? null : SettlementStatus.valueOf(stored);
    if (status == SettlementStatus.ACCRUED && payableOn != null && !payableOn.toLocalDate().isAfter(time.today())) {
      status = SettlementStatus.PAYABLE;
    }
    return new LedgerEntry(rs.getLong("id"), rs.getString("partner_id"), rs.getString("deal_id"), rs.getString("kind"),
        rs.getBigDecimal("amount"), rs.getBigDecimal("rate"), rs.getBigDecimal("basis"),
        rs.getString("terms_version"), rs.getString("explanation"), rs.getTimestamp("booked_at").toInstant(),
        (Integer) rs.getObject("contract_year"), status, paidOn == null ? null : paidOn.toLocalDate(),
        payableOn == null ? null : payableOn.toLocalDate(), rs.getString("statement_id"), rs.getString("mdf_request_id"));
  }
}
