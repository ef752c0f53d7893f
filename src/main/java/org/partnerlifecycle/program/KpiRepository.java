package org.partnerlifecycle.program;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One query per KPI, over the records the KPI is made of: each row a record ({@code record_id}, its partner, when,
 * an amount where it has one, {@code counted} 1 when it is in the numerator, {@code since} for durations). The
 * figures aggregate the same rows, so a figure and its records never disagree.
 */
@Repository
class KpiRepository {

  /** One record behind a KPI. */
  public record KpiRecord(String recordId, String partnerId, String at, BigDecimal amount, boolean counted, String since) {
  }

  /** A KPI's aggregate: records, those counted, the sum of all their amounts and of the counted ones'. */
  record Aggregate(long records, long counted, BigDecimal amount, BigDecimal countedAmount) {
  }

  private static final String WON = "SELECT d.id AS record_id, d.partner_id, CAST(d.closed_on AS TIMESTAMP) AS at, "
      + "d.closed_amount AS amount, CASE WHEN COALESCE(d.attribution, 'SOURCED') = ? THEN 1 ELSE 0 END AS counted, "
      + "CAST(NULL AS TIMESTAMP) AS since FROM deal_registration d WHERE d.status = 'WON' "
      + "AND d.closed_on >= ? AND d.closed_on <= ?";

  private static final Map<Kpi, String> ROWS = new EnumMap<>(Kpi.class);

  static {
    ROWS.put(Kpi.SOURCED_REVENUE, WON);
    ROWS.put(Kpi.INFLUENCED_REVENUE, WON);
    ROWS.put(Kpi.ACTIVATION_RATE, "SELECT p.id AS record_id, p.id AS partner_id, p.activated_at AS at, "
        + "CAST(NULL AS NUMERIC(19,2)) AS amount, CASE WHEN EXISTS (SELECT 1 FROM deal_registration d "
        + "WHERE d.partner_id = p.id AND d.status = 'WON' AND d.closed_on <= ?) THEN 1 ELSE 0 END AS counted, "
        + "CAST(NULL AS TIMESTAMP) AS since FROM partner p WHERE p.activated_at < ?");
    ROWS.put(Kpi.DAYS_TO_FIRST_DEAL, "SELECT p.id AS record_id, p.id AS partner_id, CAST(f.first_closed AS TIMESTAMP) "
        + "AS at, CAST(NULL AS NUMERIC(19,2)) AS amount, 1 AS counted, p.created_at AS since FROM partner p JOIN "
        + "(SELECT partner_id, MIN(closed_on) AS first_closed FROM deal_registration WHERE status = 'WON' "
        + "GROUP BY partner_id) f ON f.partner_id = p.id WHERE f.first_closed >= ? AND f.first_closed <= ?");
    ROWS.put(Kpi.LEAD_ACCEPTANCE, "SELECT o.lead_id AS record_id, o.partner_id, o.offered_at AS at, "
        + "CAST(NULL AS NUMERIC(19,2)) AS amount, CASE WHEN o.outcome = 'ACCEPTED' THEN 1 ELSE 0 END AS counted, "
        + "CAST(NULL AS TIMESTAMP) AS since FROM lead_offer o WHERE o.offered_at >= ? AND o.offered_at < ?");
    ROWS.put(Kpi.LEAD_CONVERSION, "SELECT o.lead_id AS record_id, o.partner_id, o.offered_at AS at, "
        + "CAST(NULL AS NUMERIC(19,2)) AS amount, CASE WHEN EXISTS (SELECT 1 FROM deal_registration d "
        + "WHERE d.partner_id = o.partner_id AND d.normalized_domain = l.normalized_domain AND d.status = 'WON' "
        + "AND d.created_at >= o.offered_at) THEN 1 ELSE 0 END AS counted, CAST(NULL AS TIMESTAMP) AS since "
        + "FROM lead_offer o JOIN sales_lead l ON l.id = o.lead_id WHERE o.outcome = 'ACCEPTED' "
        + "AND o.offered_at >= ? AND o.offered_at < ?");
    ROWS.put(Kpi.BUSINESS_REVIEW_COMPLETION, "SELECT r.id AS record_id, r.partner_id, CAST(r.due_on AS TIMESTAMP) "
        + "AS at, CAST(NULL AS NUMERIC(19,2)) AS amount, CASE WHEN r.status = 'HELD' THEN 1 ELSE 0 END AS counted, "
        + "CAST(NULL AS TIMESTAMP) AS since FROM business_review r WHERE r.status <> 'CANCELLED' "
        + "AND r.due_on >= ? AND r.due_on <= ?");
    ROWS.put(Kpi.PARTNER_RETENTION, "SELECT p.id AS record_id, p.id AS partner_id, p.activated_at AS at, "
        + "CAST(NULL AS NUMERIC(19,2)) AS amount, CASE WHEN p.removed_at IS NULL OR p.removed_at >= ? THEN 1 ELSE 0 "
        + "END AS counted, CAST(NULL AS TIMESTAMP) AS since FROM partner p WHERE p.activated_at < ? "
        + "AND (p.removed_at IS NULL OR p.removed_at >= ?)");
  }

  private final JdbcTemplate jdbc;

  KpiRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Aggregate aggregate(Kpi kpi, LocalDate from, LocalDate to, LocalDate today) {
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(counted), 0), COALESCE(SUM(amount), 0), "
            + "COALESCE(SUM(CASE WHEN counted = 1 THEN amount END), 0) FROM (" + ROWS.get(kpi) + ") r",
        (rs, i) -> new Aggregate(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
        parameters(kpi, from, to, today));
  }

  /** Every record of a KPI (the median days to first deal reads each partner's signup and first close). */
  List<KpiRecord> all(Kpi kpi, LocalDate from, LocalDate to, LocalDate today) {
    return jdbc.query(ROWS.get(kpi), (rs, i) -> row(rs), parameters(kpi, from, to, today));
  }

  List<KpiRecord> page(Kpi kpi, LocalDate from, LocalDate to, LocalDate today, int offset, int limit) {
    return jdbc.query("SELECT * FROM (" + ROWS.get(kpi) + ") r ORDER BY at DESC, record_id OFFSET " + offset
        + " ROWS FETCH NEXT " + limit + " ROWS ONLY", (rs, i) -> row(rs), parameters(kpi, from, to, today));
  }

  private static Object[] parameters(Kpi kpi, LocalDate from, LocalDate to, LocalDate today) {
    Timestamp start = Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC));
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    return switch (kpi) {
      case SOURCED_REVENUE -> new Object[] {"SOURCED", Date.valueOf(from), Date.valueOf(to)};
      case INFLUENCED_REVENUE -> new Object[] {"INFLUENCED", Date.valueOf(from), Date.valueOf(to)};
      case ACTIVATION_RATE -> new Object[] {Date.valueOf(to), end};
      case DAYS_TO_FIRST_DEAL -> new Object[] {Date.valueOf(from), Date.valueOf(to)};
      case LEAD_ACCEPTANCE, LEAD_CONVERSION -> new Object[] {start, end};
      case BUSINESS_REVIEW_COMPLETION -> new Object[] {Date.valueOf(from),
          Date.valueOf(to.isBefore(today) ? to : today)};
      case PARTNER_RETENTION -> new Object[] {end, start, start};
    };
  }

  private static KpiRecord row(ResultSet rs) throws SQLException {
    return new KpiRecord(rs.getString("record_id"), rs.getString("partner_id"), instant(rs.getTimestamp("at")),
        rs.getBigDecimal("amount"), rs.getInt("counted") == 1, instant(rs.getTimestamp("since")));
  }

  private static String instant(Timestamp t) {
    return t == null ? null : t.toInstant().toString();
  }
}
