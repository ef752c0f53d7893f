package org.partnerlifecycle.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.partner.PartnerStatus;
import org.partnerlifecycle.rules.LeadAllocation.Candidate;
import org.partnerlifecycle.rules.Tier;
import org.partnerlifecycle.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Leads, their offers, and the queries the allocation rule and the transparency report read. */
@Repository
class LeadRepository {

  public record Lead(String id, String companyName, String normalizedDomain, String region, LeadCategory category,
      LeadStatus status, String assignedPartnerId, String reason, String customerDomain) {
  }

  private final JdbcTemplate jdbc;

  LeadRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String id, String companyName, String customerDomain, String normalizedDomain, String region,
      String category, String termsVersion, String createdBy, Instant now) {
    jdbc.update("INSERT INTO sales_lead (id, company_name, customer_domain, normalized_domain, region, category, status, "
            + "terms_version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)", id, companyName,
        customerDomain, normalizedDomain, region, category, termsVersion, createdBy, Timestamp.from(now));
  }

  public Lead get(String id) {
    return jdbc.query("SELECT * FROM sales_lead WHERE id = ?", (rs, i) -> new Lead(rs.getString("id"),
            rs.getString("company_name"), rs.getString("normalized_domain"), rs.getString("region"),
            LeadCategory.valueOf(rs.getString("category")), LeadStatus.valueOf(rs.getString("status")),
            rs.getString("assigned_partner_id"),
            rs.getString("reason"), rs.getString("customer_domain")), id).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("No lead " + id));
  }

  /**
   * Eligible partners for a lead: ACTIVE, in the region, referrals not paused, no live registration for the
   * customer, not offered this lead before; each with its offers in the region since {@code since}.
   */
  public List<Candidate> candidates(String leadId, String region, String normalizedDomain, Instant since) {
    return jdbc.query("SELECT p.id, p.tier, (SELECT count(*) FROM lead_offer o WHERE o.partner_id = p.id "
            + "AND o.region = ? AND o.offered_at >= ?) AS leads FROM partner p "
            + "WHERE p.status = 'ACTIVE' AND p.region = ? AND NOT p.referrals_paused "
            + "AND NOT EXISTS (SELECT 1 FROM deal_registration d WHERE d.partner_id = p.id AND d.normalized_domain = ? "
            + "AND d.status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_RATE_APPROVAL', 'APPROVED')) "
            + "AND NOT EXISTS (SELECT 1 FROM lead_offer o WHERE o.lead_id = ? AND o.partner_id = p.id)",
        (rs, i) -> new Candidate(rs.getString("id"), Tier.valueOf(rs.getString("tier")), rs.getLong("leads")),
        region, Timestamp.from(since), region, normalizedDomain, leadId);
  }

  /** The partner holding the oldest live registration for the customer, and whether it may take a lead now. */
  public record Protector(String partnerId, String dealId, PartnerStatus status, boolean referralsPaused,
      boolean offeredBefore) {
  }

  public java.util.Optional<Protector> protector(String leadId, String normalizedDomain) {
    return jdbc.query("SELECT d.partner_id, d.id, p.status, p.referrals_paused, (SELECT count(*) FROM lead_offer o "
            + "WHERE o.lead_id = ? AND o.partner_id = p.id) AS offered FROM deal_registration d "
            + "JOIN partner p ON p.id = d.partner_id WHERE d.normalized_domain = ? "
            + "AND d.status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_RATE_APPROVAL', 'APPROVED') "
            + "ORDER BY d.created_at, d.id",
        (rs, i) -> new Protector(rs.getString(1), rs.getString(2), PartnerStatus.valueOf(rs.getString(3)), rs.getBoolean(4),
            rs.getLong(5) > 0), leadId, normalizedDomain).stream().findFirst();
  }

  /** The lead waits for staff: a protected customer whose protecting partner cannot take it. */
  public void hold(String leadId, String reason) {
    jdbc.update("UPDATE sales_lead SET status = 'HELD', assigned_partner_id = NULL, reason = ? WHERE id = ?", reason,
        leadId);
  }

  /** Offers per region, partner and lead category in [from, to). */
  public List<Map<String, Object>> offersByRegionPartnerAndCategory(Instant from, Instant to) {
    return jdbc.queryForList("SELECT o.region, o.partner_id, l.category, count(*) AS offers FROM lead_offer o "
        + "JOIN sales_lead l ON l.id = o.lead_id WHERE o.offered_at >= ? AND o.offered_at < ? "
        + "GROUP BY o.region, o.partner_id, l.category ORDER BY o.region, o.partner_id, l.category",
        Timestamp.from(from), Timestamp.from(to));
  }

  public void offer(String leadId, String partnerId, String region, String reason, Instant now, Instant expiresAt) {
    jdbc.update("INSERT INTO lead_offer (lead_id, partner_id, region, outcome, reason, offered_at, expires_at) "
        + "VALUES (?, ?, ?, 'OFFERED', ?, ?, ?)", leadId, partnerId, region, reason, Timestamp.from(now),
        Timestamp.from(expiresAt));
    jdbc.update("UPDATE sales_lead SET status = 'OFFERED', assigned_partner_id = ?, reason = ? WHERE id = ?", partnerId,
        reason, leadId);
  }

  /** Staff: all leads (or those in one status), newest first, with the open offer's times. */
  public List<LeadView> list(LeadStatus status, int offset, int limit) {
    String where = status == null ? "" : " WHERE l.status = ?";
    List<Object> arguments = new java.util.ArrayList<>();
    if (status != null) {
      arguments.add(status.name());
    }
    arguments.add(offset);
    arguments.add(limit);
    return jdbc.query("SELECT l.*, o.offered_at, o.expires_at FROM sales_lead l LEFT JOIN lead_offer o "
        + "ON o.lead_id = l.id AND o.outcome = 'OFFERED'" + where + " ORDER BY l.created_at DESC, l.id DESC "
        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", (rs, i) -> view(rs, rs.getString("status"),
        rs.getString("assigned_partner_id")), arguments.toArray());
  }

  public long count(LeadStatus status) {
    return status == null ? jdbc.queryForObject("SELECT count(*) FROM sales_lead", Long.class)
        : jdbc.queryForObject("SELECT count(*) FROM sales_lead WHERE status = ?", Long.class, status.name());
  }

  /** A partner: the offers made to it (or those with one outcome), newest first. */
  public List<LeadView> offersTo(String partnerId, OfferOutcome outcome, int offset, int limit) {
    String where = outcome == null ? "" : " AND o.outcome = ?";
    List<Object> arguments = new java.util.ArrayList<>(List.of(partnerId));
    if (outcome != null) {
      arguments.add(outcome.name());
    }
    arguments.add(offset);
    arguments.add(limit);
    return jdbc.query("SELECT l.*, o.offered_at, o.expires_at, o.outcome, o.partner_id FROM lead_offer o "
        + "JOIN sales_lead l ON l.id = o.lead_id WHERE o.partner_id = ?" + where
        + " ORDER BY o.offered_at DESC, o.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
        (rs, i) -> view(rs, rs.getString("outcome"), rs.getString("partner_id")), arguments.toArray());
  }

  public long countOffersTo(String partnerId, OfferOutcome outcome) {
    return outcome == null
        ? jdbc.queryForObject("SELECT count(*) FROM lead_offer WHERE partner_id = ?", Long.class, partnerId)
        : jdbc.queryForObject("SELECT count(*) FROM lead_offer WHERE partner_id = ? AND outcome = ?", Long.class,
            partnerId, outcome.name());
  }

  private static LeadView view(java.sql.ResultSet rs, String status, String partnerId) throws java.sql.SQLException {
    Timestamp offeredAt = rs.getTimestamp("offered_at");
    Timestamp expiresAt = rs.getTimestamp("expires_at");
    return new LeadView(rs.getString("id"), rs.getString("company_name"), rs.getString("customer_domain"),
        rs.getString("region"), rs.getString("category"), status, partnerId,
        offeredAt == null ? null : offeredAt.toInstant(), expiresAt == null ? null : expiresAt.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }

  public void unassigned(String leadId, String reason) {
    jdbc.update("UPDATE sales_lead SET status = 'UNASSIGNED', assigned_partner_id = NULL, reason = ? WHERE id = ?", reason,
        leadId);
  }

  /** The open offer's outcome: ACCEPTED, DECLINED or TIMED_OUT. */
  public void decide(String leadId, String outcome, Instant now) {
    jdbc.update("UPDATE lead_offer SET outcome = ?, decided_at = ? WHERE lead_id = ? AND outcome = 'OFFERED'", outcome,
        Timestamp.from(now), leadId);
    if ("ACCEPTED".equals(outcome)) {
      jdbc.update("UPDATE sales_lead SET status = 'ACCEPTED' WHERE id = ?", leadId);
    }
  }

  /** Offers per region and partner in [from, to): the transparency report's raw counts. */
  public List<Map<String, Object>> offersByRegionAndPartner(Instant from, Instant to) {
    return jdbc.queryForList("SELECT o.region, o.partner_id, p.company_name, p.tier, count(*) AS offers, "
        + "SUM(CASE WHEN o.outcome = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted FROM lead_offer o "
        + "JOIN partner p ON p.id = o.partner_id WHERE o.offered_at >= ? AND o.offered_at < ? "
        + "GROUP BY o.region, o.partner_id, p.company_name, p.tier ORDER BY o.region, o.partner_id",
        Timestamp.from(from), Timestamp.from(to));
  }

  /**
   * The ACTIVE partners of each region, the base of the entitlements. Paused partners are included on purpose: the
   * report is read by partners, and a level-2 pause is private.
   */
  public List<Map<String, Object>> activeByRegion() {
    return jdbc.queryForList("SELECT region, id, company_name, tier FROM partner WHERE status = 'ACTIVE' "
        + "ORDER BY region, id");
  }
}
