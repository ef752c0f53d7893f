package org.partnerlifecycle.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.partnerlifecycle.engine.EngineTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox after commit: webhook deliveries (signed POSTs) and emails. Each entry is claimed by a conditional
 * update (so two nodes never send one entry at once), sent outside any database transaction, and its outcome
 * recorded. A non-2xx answer, a timeout or an SMTP error is retried with exponential backoff (30 s, 1 min, 2 min, ...
 * at most 4 h between attempts) until 24 h after the entry was written; then it is FAILED. An email while no SMTP
 * server is configured is STORED (kept, listed in {@code /notifications}). Logs name entry ids, templates and partner
 * ids, never addresses or contents.
 */
@Component
public class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration MAX_RETRY = Duration.ofHours(4);
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
  static final Duration LEASE = Duration.ofMinutes(5);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private record Entry(long id, Channel channel, String partnerId, String recipient, String template, String payload,
      String eventId, String webhookId, int attempts, Instant createdAt) {
  }

  private final JdbcTemplate jdbc;
  private final Webhooks webhooks;
  private final WebhookUrlPolicy urls;
  private final MailChannel mail;
  private final ObjectMapper json;
  private final EngineTime time;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  OutboxWorker(JdbcTemplate jdbc, Webhooks webhooks, WebhookUrlPolicy urls, MailChannel mail, ObjectMapper json,
      EngineTime time) {
    this.jdbc = jdbc;
    this.webhooks = webhooks;
    this.urls = urls;
    this.mail = mail;
    this.json = json;
    this.time = time;
  }

  /** Sends what is due now (engine time). @return how many entries were attempted */
  public int runDue() {
    Instant now = time.now();
    List<Entry> due = jdbc.query("SELECT * FROM notification_outbox WHERE status = 'PENDING' AND "
        + "(next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY next_attempt_at, id FETCH FIRST 50 ROWS ONLY",
        (rs, i) -> new Entry(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("partner_id"),
            rs.getString("recipient"), rs.getString("template"), rs.getString("payload"), rs.getString("event_id"),
            rs.getString("webhook_id"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant()),
        Timestamp.from(now));
    int attempted = 0;
    for (Entry entry : due) {
      if (jdbc.update("UPDATE notification_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' AND "
          + "(next_attempt_at IS NULL OR next_attempt_at <= ?)", Timestamp.from(now.plus(LEASE)), entry.id(),
          Timestamp.from(now)) == 0) {
        continue;
      }
      attempted++;
      if (entry.channel() == Channel.WEBHOOK) {
        deliver(entry, now);
      } else {
        email(entry, now);
      }
    }
    return attempted;
  }

  private void deliver(Entry entry, Instant now) {
    Optional<String> secret = webhooks.secretOf(entry.webhookId());
    if (secret.isEmpty()) {
      finish(entry, DeliveryStatus.FAILED, now, null, "webhook deleted");
      return;
    }
    Optional<String> refused = urls.refusal(entry.recipient());
    if (refused.isPresent()) {
      retry(entry, now, null, "url " + refused.get());
      return;
    }
    String timestamp = Long.toString(now.getEpochSecond());
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(entry.recipient())).timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .header("User-Agent", "partner-lifecycle-engine-webhooks")
          .header("X-Webhook-Id", entry.eventId())
          .header("X-Webhook-Timestamp", timestamp)
          .header("X-Webhook-Signature", signature(secret.get(), timestamp, entry.payload()))
          .POST(HttpRequest.BodyPublishers.ofString(entry.payload(), StandardCharsets.UTF_8)).build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 300) {
        finish(entry, DeliveryStatus.SENT, now, status, null);
      } else {
        retry(entry, now, status, "HTTP " + status);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      retry(entry, now, null, "interrupted");
    } catch (Exception e) {
      retry(entry, now, null, e.getClass().getSimpleName());
    }
  }

  private void email(Entry entry, Instant now) {
    if (!mail.configured()) {
      finish(entry, DeliveryStatus.STORED, now, null, null);
      LOG.info("Notification {} ({}) for partner {} stored: no SMTP_HOST configured", entry.id(), entry.template(),
          entry.partnerId());
      return;
    }
    try {
      mail.send(entry.recipient(), subject(entry), text(entry));
      finish(entry, DeliveryStatus.SENT, now, null, null);
    } catch (Exception e) {
      retry(entry, now, null, e.getClass().getSimpleName());
    }
  }

  /** HMAC-SHA256 of {@code timestamp + "." + body}, keyed by the secret, as {@code sha256=<hex>}. */
  static String signature(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void finish(Entry entry, DeliveryStatus status, Instant now, Integer httpStatus, String error) {
    jdbc.update("UPDATE notification_outbox SET status = ?, attempts = attempts + ?, last_attempt_at = ?, "
        + "last_status = ?, last_error = ?, sent_at = ? WHERE id = ?", status.name(),
        status == DeliveryStatus.STORED ? 0 : 1, Timestamp.from(now), httpStatus, error,
        status == DeliveryStatus.SENT ? Timestamp.from(now) : null, entry.id());
  }

  private void retry(Entry entry, Instant now, Integer httpStatus, String error) {
    int attempts = entry.attempts() + 1;
    Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    Instant next = now.plus(delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay);
    boolean giveUp = next.isAfter(entry.createdAt().plus(GIVE_UP_AFTER));
    jdbc.update("UPDATE notification_outbox SET status = ?, attempts = ?, last_attempt_at = ?, last_status = ?, "
        + "last_error = ?, next_attempt_at = ? WHERE id = ?", giveUp ? DeliveryStatus.FAILED.name()
        : DeliveryStatus.PENDING.name(), attempts, Timestamp.from(now), httpStatus,
        error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(next), entry.id());
    LOG.info("Outbox entry {} ({} {}) for partner {}: attempt {} failed ({}){}", entry.id(), entry.channel(),
        entry.template(), entry.partnerId(), attempts, httpStatus != null ? "HTTP " + httpStatus : error,
        giveUp ? ", given up after 24 h" : "");
  }

  private static String subject(Entry entry) {
    return "Partner program: " + entry.template();
  }

  /** A plain-text mail: the event and its facts, one a line. */
  private String text(Entry entry) {
    StringBuilder text = new StringBuilder();
    try {
      JsonNode payload = json.readTree(entry.payload());
      JsonNode data = payload.has("data") && payload.has("event") ? payload.get("data") : payload;
      text.append(payload.has("event") ? "Event: " + payload.get("event").asText() : "Notice: " + entry.template())
          .append("\n\n");
      for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        text.append(field.getKey()).append(": ").append(field.getValue().isTextual() ? field.getValue().asText()
            : field.getValue().toString()).append('\n');
      }
      if (payload.has("id")) {
        text.append("\nEvent id: ").append(payload.get("id").asText()).append('\n');
      }
    } catch (Exception e) {
      text.append(entry.template()).append('\n');
    }
    return text.toString();
  }
}
