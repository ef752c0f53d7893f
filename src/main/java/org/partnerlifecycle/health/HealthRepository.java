package org.partnerlifecycle.health;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The facts a health score reads (deals, the recorded NPS and fit) and the scores computed. */
@Repository
class HealthRepository {

  /** A stored health score; {@code factorsJson} is [{factor, points, max, input}]. */
  record StoredHealth(String id, String partnerId, int score, String band, String factorsJson, String explanation,
      Instant computedAt, String termsVersion, boolean entersRisk, String riskDecision, String actionPlan,
      String decidedBy) {
  }

  /** The satisfaction and fit last recorded with the partner's commitments (PUT /api/partners/{id}/commitments). */
  record Survey(Integer nps, String strategicFit) {
  }

  private final JdbcTemplate jdbc;

  HealthRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * WON deals closed in (from, to], their annual contract value summed per attribution (SOURCED / INFLUENCED): the
   * amount × 12 / termMonths for terms over 12 months, the amount otherwise (SPEC §2, as TierRules.annualValue).
   */
  Map<String, BigDecimal> wonAnnualRevenueByAttribution(String partnerId, LocalDate from, LocalDate to) {
    Map<String, BigDecimal> sums = new HashMap<>();
    jdbc.query("SELECT attribution, SUM(CASE WHEN term_months > 12 "
            + "THEN ROUND(CAST(closed_amount AS NUMERIC(24,6)) * 12 / term_months, 2) ELSE closed_amount END) "
            + "FROM deal_registration WHERE partner_id = ? AND status = 'WON' "
            + "AND closed_on > ? AND closed_on <= ? GROUP BY attribution",
        rs -> {
          sums.put(rs.getString(1), rs.getBigDecimal(2));
        }, partnerId, Date.valueOf(from), Date.valueOf(to));
    return sums;
  }

  int registrationsSince(String partnerId, Instant since) {
    return jdbc.queryForObject("SELECT count(*) FROM deal_registration WHERE partner_id = ? AND created_at >= ?",
        Integer.class, partnerId, Timestamp.from(since));
  }

  Optional<Instant> lastRegistration(String partnerId) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(created_at) FROM deal_registration WHERE partner_id = ?",
        Timestamp.class, partnerId)).map(Timestamp::toInstant);
  }

  /** The latest commitment record's NPS and strategic fit (either may be null: not asked). */
  Optional<Survey> latestSurvey(String partnerId) {
    return jdbc.query("SELECT nps, strategic_fit FROM partner_commitment WHERE partner_id = ? "
            + "ORDER BY period_end DESC, id DESC FETCH FIRST 1 ROWS ONLY",
        (rs, i) -> new Survey((Integer) rs.getObject(1, Integer.class), rs.getString(2)), partnerId).stream()
        .findFirst();
  }

  void insert(StoredHealth h, String runId) {
    jdbc.update("INSERT INTO partner_health (id, partner_id, score, band, factors, explanation, terms_version, "
            + "computed_at, run_id, enters_risk) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", h.id(), h.partnerId(),
        h.score(), h.band(), h.factorsJson(), h.explanation(), h.termsVersion(), Timestamp.from(h.computedAt()), runId,
        h.entersRisk());
  }

  Optional<StoredHealth> latest(String partnerId) {
    return jdbc.query("SELECT * FROM partner_health WHERE partner_id = ? ORDER BY computed_at DESC, id DESC "
        + "FETCH FIRST 1 ROWS ONLY", (rs, i) -> stored(rs), partnerId).stream().findFirst();
  }

  StoredHealth get(String id) {
    return jdbc.queryForObject("SELECT * FROM partner_health WHERE id = ?", (rs, i) -> stored(rs), id);
  }

  void decide(String id, String decision, String actionPlan, String decidedBy, Instant now) {
    jdbc.update("UPDATE partner_health SET risk_decision = ?, action_plan = ?, decided_by = ?, decided_at = ? "
        + "WHERE id = ?", decision, actionPlan, decidedBy, Timestamp.from(now), id);
  }

  /** A page of ACTIVE partners after {@code afterId}, by id (the quarterly run pages through them). */
  List<String> activePartnersAfter(String afterId, int limit) {
    return jdbc.queryForList("SELECT id FROM partner WHERE status = 'ACTIVE' AND id > ? ORDER BY id FETCH FIRST "
        + limit + " ROWS ONLY", String.class, afterId);
  }

  private static StoredHealth stored(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredHealth(rs.getString("id"), rs.getString("partner_id"), rs.getInt("score"), rs.getString("band"),
        rs.getString("factors"), rs.getString("explanation"), rs.getTimestamp("computed_at").toInstant(),
        rs.getString("terms_version"), rs.getBoolean("enters_risk"), rs.getString("risk_decision"),
        rs.getString("action_plan"), rs.getString("decided_by"));
  }
}
