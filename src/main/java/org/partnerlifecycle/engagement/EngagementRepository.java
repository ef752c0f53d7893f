package org.partnerlifecycle.engagement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.rules.Engagement.Credit;
import org.partnerlifecycle.rules.Engagement.MeetingKind;
import org.partnerlifecycle.rules.Tier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Meetings with partners and business reviews on their cadence. */
@Repository
class EngagementRepository {

  /** A meeting as stored; {@code attendeesJson} is [{name, level}]. */
  record Meeting(String id, String partnerId, LocalDate heldOn, MeetingKind kind, String attendeesJson, String agenda,
      String notes, String actionItems, Credit credit, boolean roadmapCovered, boolean notesLate,
      String businessReviewId, String recordedBy, Instant recordedAt) {
  }

  enum ReviewStatus { SCHEDULED, OPEN, HELD, CANCELLED }

  record BusinessReview(String id, String partnerId, Tier tier, LocalDate dueOn, LocalDate opensOn,
      boolean roadmapDue, ReviewStatus status, String meetingId) {
  }

  private final JdbcTemplate jdbc;

  EngagementRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertMeeting(Meeting m) {
    jdbc.update("INSERT INTO partner_meeting (id, partner_id, held_on, kind, attendees, agenda, notes, action_items, "
            + "management_credit, ceo_credit, c_suite_credit, enablement_credit, roadmap_covered, notes_late, "
            + "business_review_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.id(), m.partnerId(), Date.valueOf(m.heldOn()), m.kind().name(), m.attendeesJson(), m.agenda(), m.notes(),
        m.actionItems(), m.credit().managementMeetings(), m.credit().ceoMeetings(), m.credit().cSuiteMeetings(),
        m.credit().enablementSessions(), m.roadmapCovered(), m.notesLate(), m.businessReviewId(), m.recordedBy(),
        Timestamp.from(m.recordedAt()));
  }

  /** The ACTIVE partners at one of these tiers. */
  List<String> activePartnersAt(List<Tier> tiers) {
    if (tiers.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList("SELECT id FROM partner WHERE status = 'ACTIVE' AND tier IN ("
        + String.join(", ", tiers.stream().map(t -> "'" + t.name() + "'").toList()) + ") ORDER BY id", String.class);
  }

  /** The partner's meetings held in [from, to], latest first. */
  List<Meeting> meetings(String partnerId, LocalDate from, LocalDate to) {
    return jdbc.query("SELECT * FROM partner_meeting WHERE partner_id = ? AND held_on >= ? AND held_on <= ? "
        + "ORDER BY held_on DESC, recorded_at DESC", (rs, i) -> meeting(rs), partnerId, Date.valueOf(from),
        Date.valueOf(to));
  }

  /** What the meetings held in (from, to] count toward the participation standards. */
  Credit credit(String partnerId, LocalDate from, LocalDate to) {
    return jdbc.queryForObject("SELECT COALESCE(SUM(management_credit), 0), COALESCE(SUM(ceo_credit), 0), "
            + "COALESCE(SUM(c_suite_credit), 0), COALESCE(SUM(enablement_credit), 0) FROM partner_meeting "
            + "WHERE partner_id = ? AND held_on > ? AND held_on <= ?",
        (rs, i) -> new Credit(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)), partnerId, Date.valueOf(from),
        Date.valueOf(to));
  }

  Optional<LocalDate> lastMeeting(String partnerId) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(held_on) FROM partner_meeting WHERE partner_id = ?",
        Date.class, partnerId)).map(Date::toLocalDate);
  }

  Optional<LocalDate> lastRoadmapAlignment(String partnerId) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(held_on) FROM partner_meeting WHERE partner_id = ? "
        + "AND (kind = 'ROADMAP' OR roadmap_covered)", Date.class, partnerId)).map(Date::toLocalDate);
  }

  /** The review on the partner's cadence not held yet (SCHEDULED or OPEN), if any. */
  Optional<BusinessReview> pendingReview(String partnerId) {
    return jdbc.query("SELECT * FROM business_review WHERE partner_id = ? AND status IN ('SCHEDULED', 'OPEN') "
        + "ORDER BY due_on DESC FETCH FIRST 1 ROWS ONLY", (rs, i) -> review(rs), partnerId).stream().findFirst();
  }

  /** The due date of the partner's last held review. */
  Optional<LocalDate> lastHeldDue(String partnerId) {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(due_on) FROM business_review WHERE partner_id = ? "
        + "AND status = 'HELD'", Date.class, partnerId)).map(Date::toLocalDate);
  }

  BusinessReview review(String id) {
    return jdbc.queryForObject("SELECT * FROM business_review WHERE id = ?", (rs, i) -> review(rs), id);
  }

  void insertReview(BusinessReview r, String termsVersion, Instant now) {
    jdbc.update("INSERT INTO business_review (id, partner_id, tier, due_on, opens_on, roadmap_due, status, "
            + "terms_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.partnerId(), r.tier().name(),
        Date.valueOf(r.dueOn()), Date.valueOf(r.opensOn()), r.roadmapDue(), r.status().name(), termsVersion,
        Timestamp.from(now));
  }

  /** A cadence change: the scheduled review moves. */
  void reschedule(String id, Tier tier, LocalDate dueOn, LocalDate opensOn, boolean roadmapDue, String termsVersion) {
    jdbc.update("UPDATE business_review SET tier = ?, due_on = ?, opens_on = ?, roadmap_due = ?, terms_version = ? "
        + "WHERE id = ? AND status = 'SCHEDULED'", tier.name(), Date.valueOf(dueOn), Date.valueOf(opensOn), roadmapDue,
        termsVersion, id);
  }

  void markOpen(String id) {
    jdbc.update("UPDATE business_review SET status = 'OPEN' WHERE id = ? AND status = 'SCHEDULED'", id);
  }

  void markHeld(String id, String meetingId, Instant now) {
    jdbc.update("UPDATE business_review SET status = 'HELD', meeting_id = ?, held_at = ? WHERE id = ?", meetingId,
        Timestamp.from(now), id);
  }

  void markReminded(String id, Instant now) {
    jdbc.update("UPDATE business_review SET notes_reminded_at = ? WHERE id = ? AND notes_reminded_at IS NULL",
        Timestamp.from(now), id);
  }

  void cancelPending(String partnerId) {
    jdbc.update("UPDATE business_review SET status = 'CANCELLED' WHERE partner_id = ? AND status = 'SCHEDULED'",
        partnerId);
  }

  /** The partner left the program: not even an open review is held any more. */
  void cancelOpenAndScheduled(String partnerId) {
    jdbc.update("UPDATE business_review SET status = 'CANCELLED' WHERE partner_id = ? AND status IN ('SCHEDULED', "
        + "'OPEN')", partnerId);
  }

  private static Meeting meeting(ResultSet rs) throws SQLException {
    return new Meeting(rs.getString("id"), rs.getString("partner_id"), rs.getDate("held_on").toLocalDate(),
        MeetingKind.valueOf(rs.getString("kind")), rs.getString("attendees"), rs.getString("agenda"),
        rs.getString("notes"), rs.getString("action_items"), new Credit(rs.getInt("management_credit"),
        rs.getInt("ceo_credit"), rs.getInt("c_suite_credit"), rs.getInt("enablement_credit")),
        rs.getBoolean("roadmap_covered"), rs.getBoolean("notes_late"), rs.getString("business_review_id"),
        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
  }

  private static BusinessReview review(ResultSet rs) throws SQLException {
    return new BusinessReview(rs.getString("id"), rs.getString("partner_id"), Tier.valueOf(rs.getString("tier")),
        rs.getDate("due_on").toLocalDate(), rs.getDate("opens_on").toLocalDate(), rs.getBoolean("roadmap_due"),
        ReviewStatus.valueOf(rs.getString("status")), rs.getString("meeting_id"));
  }
}
