package org.partnerlifecycle.deal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.web.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Customers' payments per deal and contract year (at most one each, a unique constraint). */
@Repository
class CustomerPayments {

  private final JdbcTemplate jdbc;

  CustomerPayments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  CustomerPayment record(String dealId, int contractYear, LocalDate paidOn, BigDecimal amount, String recordedBy,
      long ledgerEntryId, BigDecimal share, LocalDate payableOn, String explanation, Instant now) {
    String id = Ids.next("CP-");
    jdbc.update("INSERT INTO customer_payment (id, deal_id, contract_year, paid_on, amount, recorded_by, recorded_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, dealId, contractYear, Date.valueOf(paidOn), amount, recordedBy,
        Timestamp.from(now));
    return new CustomerPayment(id, dealId, contractYear, paidOn, amount, recordedBy, now, ledgerEntryId, share,
        payableOn, explanation);
  }

  Optional<CustomerPayment> find(String dealId, int contractYear) {
    return forDeal(dealId).stream().filter(p -> p.contractYear() == contractYear).findFirst();
  }

  /** The deal's customer payments with the revenue share each made payable, by contract year. */
  List<CustomerPayment> forDeal(String dealId) {
    return jdbc.query("SELECT p.*, s.entry_id, e.amount AS share, s.payable_on FROM customer_payment p "
        + "LEFT JOIN ledger_entry_state s ON s.deal_id = p.deal_id AND s.contract_year = p.contract_year "
        + "LEFT JOIN ledger_entry e ON e.id = s.entry_id WHERE p.deal_id = ? ORDER BY p.contract_year",
        (rs, row) -> new CustomerPayment(rs.getString("id"), rs.getString("deal_id"), rs.getInt("contract_year"),
            rs.getDate("paid_on").toLocalDate(), rs.getBigDecimal("amount"), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant(), rs.getLong("entry_id"), rs.getBigDecimal("share"),
            rs.getDate("payable_on") == null ? null : rs.getDate("payable_on").toLocalDate(), null), dealId);
  }
}
