package org.partnerlifecycle.partner;

import org.partnerlifecycle.rules.Region;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.rules.Motion;
import org.partnerlifecycle.rules.Tier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The partner table. Lists (launch methods, products, integration types) are stored comma-separated. */
@Repository
public class PartnerRepository {

  private final JdbcTemplate jdbc;

  public PartnerRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insertApplication(String id, NewApplication a, String normalizedDomain, Instant now) {
    jdbc.update("INSERT INTO partner (id, company_name, website_domain, normalized_domain, contact_name, "
            + "contact_email, region, applied_motion, forecast_annual_revenue, status, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, a.companyName(), a.websiteDomain(), normalizedDomain, a.contactName(), a.contactEmail(), a.region(),
        a.motion(), a.forecastAnnualRevenue(), PartnerStatus.APPLIED.name(), Timestamp.from(now),
        Timestamp.from(now));
  }

  /** What an application brings, already validated. */
  public record NewApplication(String companyName, String websiteDomain, String contactName, String contactEmail,
      String region, String motion, java.math.BigDecimal forecastAnnualRevenue) {
  }

  public Optional<Partner> find(String id) {
    return jdbc.query("SELECT * FROM partner WHERE id = ?", this::map, id).stream().findFirst();
  }

  public Partner get(String id) {
    return find(id).orElseThrow(() -> new PartnerNotFoundException(id));
  }

  /** These partners, in one query: those that exist, in no particular order. */
  public List<Partner> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.query("SELECT * FROM partner WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
        + ")", this::map, ids.toArray());
  }

  /** Partners matching the filters (each optional), newest first, and how many match in all. */
  public List<Partner> list(PartnerStatus status, Tier tier, Region region, int offset, int limit) {
    Filter filter = filter(status, tier, region);
    return jdbc.query("SELECT * FROM partner" + filter.where() + " ORDER BY created_at DESC, id DESC "
        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::map, filter.arguments(offset, limit));
  }

  public long count(PartnerStatus status, Tier tier, Region region) {
    Filter filter = filter(status, tier, region);
    return jdbc.queryForObject("SELECT count(*) FROM partner" + filter.where(), Long.class, filter.arguments());
  }

  private record Filter(String where, List<Object> values) {
    Object[] arguments(Object... more) {
      List<Object> all = new java.util.ArrayList<>(values);
      all.addAll(List.of(more));
      return all.toArray();
    }
  }

  private static Filter filter(PartnerStatus status, Tier tier, Region region) {
    List<String> conditions = new java.util.ArrayList<>();
    List<Object> values = new java.util.ArrayList<>();
    if (status != null) {
      conditions.add("status = ?");
      values.add(status.name());
    }
    if (tier != null) {
      conditions.add("tier = ?");
      values.add(tier.name());
    }
    if (region != null) {
      conditions.add("region = ?");
      values.add(region.name());
    }
    return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values);
  }

  public List<Partner> listed() {
    return jdbc.query("SELECT * FROM partner WHERE listed AND status = 'ACTIVE' ORDER BY company_name, id",
        this::map);
  }

  /** Other partners with the same normalized domain, whatever their status. */
  public List<Partner> sameDomain(String normalizedDomain, String exceptId) {
    return jdbc.query("SELECT * FROM partner WHERE normalized_domain = ? AND id <> ? ORDER BY created_at",
        this::map, normalizedDomain, exceptId);
  }

  public void updateStatus(String id, PartnerStatus status, Instant now) {
    update(id, "status = ?", now, status.name());
  }

  public void recordProposal(String id, Tier proposedTier, Motion proposedMotion, String termsVersion, Instant now) {
    update(id, "proposed_tier = ?, proposed_motion = ?, terms_version = ?", now, proposedTier.name(),
        proposedMotion.name(), termsVersion);
  }

  public void recordPlacement(String id, Tier tier, Motion motion, String reason, Instant now) {
    update(id, "tier = ?, motion = ?, decision_reason = ?", now, tier.name(), motion.name(), reason);
  }

  /** Who reviewed the application: the Strategic placement's four-eyes check reads it here. */
  public void recordApplicationReviewer(String id, String reviewer, Instant now) {
    update(id, "application_reviewed_by = ?", now, reviewer);
  }

  public String applicationReviewer(String id) {
    return jdbc.queryForObject("SELECT application_reviewed_by FROM partner WHERE id = ?", String.class, id);
  }

  public void recordRejection(String id, String reason, Instant now) {
    update(id, "status = ?, decision_reason = ?", now, PartnerStatus.REJECTED.name(), reason);
  }

  public void recordAgreement(String id, String signedBy, Instant now) {
    update(id, "agreement_signed_by = ?, agreement_signed_at = ?", now, signedBy, Timestamp.from(now));
  }

  public void recordManagement(String id, String partnerManager, String executiveSponsor, Instant now) {
    update(id, "partner_manager = ?, executive_sponsor = ?", now, partnerManager, executiveSponsor);
  }

  public void activate(String id, Motion motion, List<String> launchMethods, List<String> products,
      List<String> integrationTypes, String termsVersion, LocalDate nextReviewDue, Instant now) {
    update(id, "status = 'ACTIVE', listed = TRUE, motion = ?, launch_methods = ?, products = ?, "
            + "integration_types = ?, terms_version = ?, next_review_due = ?, activated_at = ?", now, motion.name(),
        String.join(",", launchMethods), String.join(",", products), String.join(",", integrationTypes),
        termsVersion, Date.valueOf(nextReviewDue), Timestamp.from(now));
  }

  /** Locks the partner's row until the transaction ends: escalation decisions for one partner run one at a time. */
  public void lock(String id) {
    if (jdbc.queryForList("SELECT id FROM partner WHERE id = ? FOR UPDATE", id).isEmpty()) {
      throw new PartnerNotFoundException(id);
    }
  }

  /** Warning level, the private referral pause and the public listing move together. */
  public void recordWarningState(String id, int level, boolean referralsPaused, boolean listed, Instant now) {
    update(id, "warning_level = ?, referrals_paused = ?, listed = ?", now, level, referralsPaused, listed);
  }

  // --- contracted motions (SPEC §2 "Motion") -------------------------------------------------------------------

  /** The motions a partner manager added to the partner's contract, besides the motion it is placed under. */
  public java.util.Set<Motion> addedMotions(String id) {
    return jdbc.queryForList("SELECT motion FROM partner_motion WHERE partner_id = ?", String.class, id).stream()
        .map(Motion::valueOf).collect(java.util.stream.Collectors.toCollection(
            () -> java.util.EnumSet.noneOf(Motion.class)));
  }

  /** Replaces the added motions. */
  public void replaceAddedMotions(String id, java.util.Set<Motion> motions, String addedBy, Instant now) {
    java.util.Set<Motion> before = addedMotions(id);
    for (Motion gone : before) {
      if (!motions.contains(gone)) {
        jdbc.update("DELETE FROM partner_motion WHERE partner_id = ? AND motion = ?", id, gone.name());
      }
    }
    for (Motion added : motions) {
      if (!before.contains(added)) {
        jdbc.update("INSERT INTO partner_motion (partner_id, motion, added_by, added_at) VALUES (?, ?, ?, ?)", id,
            added.name(), addedBy, Timestamp.from(now));
      }
    }
  }

  // --- removal ------------------------------------------------------------------------------------------------

  /** When a partner was removed, for which breach categories, and whether one was CONDUCT (fraud). */
  public record Removal(Instant at, String reason, boolean forConduct) {
  }

  /** The breach category that makes a removal one for conduct (warning.BreachCategory.CONDUCT). */
  public static final String CONDUCT = "CONDUCT";

  /** {@code categories}: the names of the breach categories of the escalation that removed the partner. */
  public void recordRemoval(String id, java.util.Collection<String> categories, Instant now) {
    update(id, "removed_at = ?, removal_reason = ?", now, Timestamp.from(now),
        String.join(",", new java.util.TreeSet<>(categories)));
  }

  /** The partner's last removal, if it was ever removed. */
  public Optional<Removal> removal(String id) {
    return jdbc.query("SELECT removed_at, removal_reason FROM partner WHERE id = ? AND removed_at IS NOT NULL",
        (rs, i) -> new Removal(rs.getTimestamp(1).toInstant(), rs.getString(2),
            rs.getString(2) != null && List.of(rs.getString(2).split(",")).contains(CONDUCT)), id).stream()
        .findFirst();
  }

  /** Tier, motion and what they entitle to move together (tier reviews). */
  public void changeTier(String id, Tier tier, Motion motion, List<String> launchMethods, List<String> products,
      List<String> integrationTypes, String termsVersion, Instant now) {
    update(id, "tier = ?, motion = ?, launch_methods = ?, products = ?, integration_types = ?, terms_version = ?", now,
        tier.name(), motion.name(), String.join(",", launchMethods), String.join(",", products), String.join(",", integrationTypes),
        termsVersion);
  }

  private void update(String id, String assignments, Instant now, Object... values) {
    Object[] args = Arrays.copyOf(values, values.length + 2);
    args[values.length] = Timestamp.from(now);
    args[values.length + 1] = id;
    int rows = jdbc.update("UPDATE partner SET " + assignments + ", updated_at = ? WHERE id = ?", args);
    if (rows != 1) {
      throw new PartnerNotFoundException(id);
    }
  }

  /** A stored enum's constant; null stays null (a partner has no tier before its review). */
  static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private Partner map(ResultSet rs, int row) throws SQLException {
    Date review = rs.getDate("next_review_due");
    return new Partner(rs.getString("id"), rs.getString("company_name"), rs.getString("website_domain"),
        rs.getString("normalized_domain"), rs.getString("contact_name"), rs.getString("contact_email"),
        rs.getString("region"), enumOf(Motion.class, rs.getString("applied_motion")), rs.getBigDecimal("forecast_annual_revenue"),
        PartnerStatus.valueOf(rs.getString("status")), enumOf(Tier.class, rs.getString("proposed_tier")),
        enumOf(Motion.class, rs.getString("proposed_motion")), enumOf(Tier.class, rs.getString("tier")),
        enumOf(Motion.class, rs.getString("motion")),
        rs.getString("terms_version"), rs.getString("partner_manager"), rs.getString("executive_sponsor"),
        list(rs.getString("launch_methods")), list(rs.getString("products")),
        list(rs.getString("integration_types")), rs.getInt("warning_level"), rs.getBoolean("referrals_paused"),
        rs.getBoolean("listed"), rs.getString("agreement_signed_by"), instant(rs, "agreement_signed_at"),
        instant(rs, "activated_at"), review == null ? null : review.toLocalDate(), rs.getString("decision_reason"),
        instant(rs, "created_at"), rs.getInt("failing_reviews") > 0);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
  }
}
