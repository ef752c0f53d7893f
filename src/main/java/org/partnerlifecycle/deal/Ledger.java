package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The partner ledger. Append-only; at most one entry per deal and kind (a unique constraint), so a retried job or
 * a repeated API call cannot book money twice.
 */
@Repository
public class Ledger {

  public static final String CLAWBACK = "CLAWBACK";
  public static final String ADJUSTMENT = "ADJUSTMENT";
  public static final String REVENUE_SHARE = "REVENUE_SHARE";
  public static final String DISCOUNT = "DISCOUNT";

  private final JdbcTemplate jdbc;

  public Ledger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Books an entry unless the deal already has one of this kind. @return whether it was booked now */
  public boolean bookOnce(String partnerId, String dealId, String kind, BigDecimal amount, BigDecimal rate,
      BigDecimal basis, String termsVersion, String explanation, Instant now) {
    if (find(dealId, kind).isPresent()) {
      return false;
    }
    jdbc.update("INSERT INTO ledger_entry (partner_id, deal_id, kind, amount, rate, basis, terms_version, explanation, "
        + "booked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", partnerId, dealId, kind, amount, rate, basis, termsVersion,
        explanation, Timestamp.from(now));
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
    jdbc.update("INSERT INTO ledger_entry (partner_id, deal_id, kind, amount, rate, basis, terms_version, explanation, "
        + "booked_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", partnerId, dealId, kind, amount, rate, basis,
        termsVersion, explanation, Timestamp.from(now), last == null ? 0 : last + 1);
  }

  /**
   * What is still paid out on a deal's revenue share: the revenue share less every clawback and adjustment booked
   * against it (zero for a discount, which is never paid out).
   */
  public BigDecimal outstandingRevenueShare(String dealId) {
    BigDecimal share = jdbc.queryForObject("SELECT sum(amount) FROM ledger_entry WHERE deal_id = ? AND kind = ?",
        BigDecimal.class, dealId, REVENUE_SHARE);
    if (share == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal taken = jdbc.queryForObject("SELECT sum(amount) FROM ledger_entry WHERE deal_id = ? AND kind IN (?, ?)",
        BigDecimal.class, dealId, CLAWBACK, ADJUSTMENT);
    return taken == null ? share : share.add(taken);
  }

  /** The deals of a partner with a revenue share booked, oldest first. */
  public List<String> dealsWithRevenueShare(String partnerId) {
    return jdbc.queryForList("SELECT deal_id FROM ledger_entry WHERE partner_id = ? AND kind = ? ORDER BY id",
        String.class, partnerId, REVENUE_SHARE);
  }

  public Optional<LedgerEntry> find(String dealId, String kind) {
    return jdbc.query("SELECT * FROM ledger_entry WHERE deal_id = ? AND kind = ? ORDER BY seq DESC", this::map, dealId,
        kind).stream().findFirst();
  }

  /** The payout booked for a deal (revenue share or discount), if any. */
  public Optional<LedgerEntry> payoutOf(String dealId) {
    return jdbc.query("SELECT * FROM ledger_entry WHERE deal_id = ? AND kind IN (?, ?)", this::map, dealId,
        REVENUE_SHARE, DISCOUNT).stream().findFirst();
  }

  public List<LedgerEntry> forPartner(String partnerId) {
    return jdbc.query("SELECT * FROM ledger_entry WHERE partner_id = ? ORDER BY id", this::map, partnerId);
  }

  private LedgerEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new LedgerEntry(rs.getLong("id"), rs.getString("partner_id"), rs.getString("deal_id"), rs.getString("kind"),
        rs.getBigDecimal("amount"), rs.getBigDecimal("rate"), rs.getBigDecimal("basis"),
        rs.getString("terms_version"), rs.getString("explanation"), rs.getTimestamp("booked_at").toInstant());
  }
}
