package org.partnerlifecycle.support;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** WON deals as a closed registration leaves them, for tests whose subject is what comes after the close. */
public final class WonDeals {

  private WonDeals() {
  }

  /**
   * A WON deal of {@code amount} (estimate and close), registered at {@code registeredAt} and closed on
   * {@code closedOn}. @return its id
   */
  public static String insert(JdbcTemplate jdbc, String partnerId, String motion, String amount, int termMonths,
      String attribution, LocalDate closedOn, Instant registeredAt) {
    String id = "D-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Timestamp created = Timestamp.from(registeredAt);
    jdbc.update("INSERT INTO deal_registration (id, partner_id, submitted_by, customer_name, customer_domain, "
            + "normalized_domain, motion, deal_type, license_type, product, estimated_value, term_months, status, "
            + "attribution, closed_amount, closed_on, terms_version, created_at, updated_at) "
            + "VALUES (?, ?, 'test', 'C', 'c.example', 'c.example', ?, 'NEW', 'SUBSCRIPTION', 'PLUS', ?, ?, 'WON', "
            + "?, ?, ?, '2026-12-01', ?, ?)",
        id, partnerId, motion, new BigDecimal(amount), termMonths, attribution, new BigDecimal(amount),
        Date.valueOf(closedOn), created, created);
    return id;
  }
}
