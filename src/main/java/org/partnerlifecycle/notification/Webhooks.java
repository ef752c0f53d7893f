package org.partnerlifecycle.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.Audited;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.web.ApiProblems.FieldProblem;
import org.partnerlifecycle.web.Ids;
import org.partnerlifecycle.web.InvalidRequestException;
import org.partnerlifecycle.web.ListQuery;
import org.partnerlifecycle.web.NotFoundException;
import org.partnerlifecycle.web.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partner's webhook endpoints, and what the outbox sent it (deliveries, notifications). */
@Service
@Transactional
class Webhooks {

  /** At most this many live endpoints per partner. */
  static final int MAX_PER_PARTNER = 10;

  public record Registered(String webhookId, String secret) {
  }

  public record WebhookInfo(String webhookId, String url, List<String> events, Instant createdAt, String createdBy) {
  }

  public record Delivery(long deliveryId, String eventId, String event, String webhookId, String url, String status,
      int attempts, Integer lastStatus, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
      Instant createdAt) {
  }

  public record Notification(long notificationId, String channel, String template, String status, int attempts,
      Instant createdAt, Instant sentAt, String eventId) {
  }

  private final JdbcTemplate jdbc;
  private final WebhookSecrets secrets;
  private final WebhookUrlPolicy urls;
  private final EngineTime time;

  Webhooks(JdbcTemplate jdbc, WebhookSecrets secrets, WebhookUrlPolicy urls, EngineTime time) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.urls = urls;
    this.time = time;
  }

  public void requirePartner(String partnerId) {
    Integer found = jdbc.queryForObject("SELECT count(*) FROM partner WHERE id = ?", Integer.class, partnerId);
    if (found == null || found == 0) {
      throw new NotFoundException("No partner " + partnerId);
    }
  }

  @Audited(action = "webhook.registered", subject = AuditLog.Subject.PARTNER)
  public Registered register(String partnerId, String url, List<String> events, String createdBy) {
    List<FieldProblem> problems = new ArrayList<>();
    urls.refusal(url).ifPresent(message -> problems.add(new FieldProblem("url", message)));
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < events.size(); i++) {
      try {
        names.add(PartnerEvent.of(events.get(i)).wireName());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("events[" + i + "]", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("Invalid fields", problems);
    }
    Integer live = jdbc.queryForObject("SELECT count(*) FROM partner_webhook WHERE partner_id = ? AND deleted_at IS "
        + "NULL", Integer.class, partnerId);
    if (live != null && live >= MAX_PER_PARTNER) {
      throw new InvalidRequestException("url", "at most " + MAX_PER_PARTNER + " webhooks per partner: delete one first");
    }
    String webhookId = Ids.next("WH-");
    String secret = secrets.newSecret();
    jdbc.update("INSERT INTO partner_webhook (id, partner_id, url, events, secret_ciphertext, created_by, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", webhookId, partnerId, url, String.join(",", names),
        secrets.encrypt(webhookId, secret), createdBy, Timestamp.from(time.now()));
    return new Registered(webhookId, secret);
  }

  @Transactional(readOnly = true)
  public List<WebhookInfo> list(String partnerId) {
    return jdbc.query("SELECT * FROM partner_webhook WHERE partner_id = ? AND deleted_at IS NULL ORDER BY created_at "
        + "DESC, id DESC", (rs, i) -> new WebhookInfo(rs.getString("id"), rs.getString("url"),
        List.of(rs.getString("events").split(",")), rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by")), partnerId);
  }

  /** Deletes the endpoint; its pending deliveries are dropped (marked FAILED with the reason). */
  @Audited(action = "webhook.deleted", subject = AuditLog.Subject.PARTNER)
  public void delete(String partnerId, String webhookId) {
    Timestamp now = Timestamp.from(time.now());
    if (jdbc.update("UPDATE partner_webhook SET deleted_at = ? WHERE id = ? AND partner_id = ? AND deleted_at IS NULL",
        now, webhookId, partnerId) == 0) {
      throw new NotFoundException("No webhook " + webhookId);
    }
    jdbc.update("UPDATE notification_outbox SET status = 'FAILED', last_error = 'webhook deleted' "
        + "WHERE webhook_id = ? AND status = 'PENDING'", webhookId);
  }

  @Transactional(readOnly = true)
  public Page<Delivery> deliveries(String partnerId, ListQuery query) {
    long total = jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE partner_id = ? AND channel = "
        + "'WEBHOOK'", Long.class, partnerId);
    return query.page(total, jdbc.query("SELECT * FROM notification_outbox WHERE partner_id = ? AND channel = "
        + "'WEBHOOK' ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", (rs, i) -> new Delivery(rs.getLong("id"),
        rs.getString("event_id"), rs.getString("template"), rs.getString("webhook_id"), rs.getString("recipient"),
        rs.getString("status"), rs.getInt("attempts"), (Integer) rs.getObject("last_status", Integer.class),
        rs.getString("last_error"), instant(rs.getTimestamp("last_attempt_at")),
        DeliveryStatus.PENDING.name().equals(rs.getString("status")) ? instant(rs.getTimestamp("next_attempt_at"))
            : null, instant(rs.getTimestamp("created_at"))), partnerId, query.offset(), query.size()));
  }

  /**
   * What was sent (or stored) for the partner, by channel. The recipient address is not repeated here; mails to
   * staff about the partner (reminders) are not the partner's and are left out.
   */
  @Transactional(readOnly = true)
  public Page<Notification> notifications(String partnerId, Channel channel, ListQuery query) {
    String where = " AND channel <> '" + Channel.STAFF_MAIL.name() + "'"
        + (channel == null ? "" : " AND channel = ?");
    List<Object> arguments = new ArrayList<>(List.of(partnerId));
    if (channel != null) {
      arguments.add(channel.name());
    }
    long total = jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE partner_id = ?" + where,
        Long.class, arguments.toArray());
    arguments.add(query.offset());
    arguments.add(query.size());
    return query.page(total, jdbc.query("SELECT * FROM notification_outbox WHERE partner_id = ?" + where
        + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", (rs, i) -> new Notification(rs.getLong("id"),
        rs.getString("channel"), rs.getString("template"), rs.getString("status"), rs.getInt("attempts"),
        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")), rs.getString("event_id")),
        arguments.toArray()));
  }

  /** The signing secret of a live webhook, for the worker. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> secretOf(String webhookId) {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT secret_ciphertext FROM partner_webhook WHERE id = ? "
        + "AND deleted_at IS NULL", webhookId);
    return rows.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(secrets.decrypt(webhookId, (String) rows.get(0).get("secret_ciphertext")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
