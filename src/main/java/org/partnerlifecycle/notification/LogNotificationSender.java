package org.partnerlifecycle.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default run mode's sender: logs each outbox entry and marks it sent. A mail or webhook sender would replace
 * it; the outbox and the port stay.
 */
@Component
@ConditionalOnProperty(name = "partner-lifecycle.notifications.sender", havingValue = "log")
class LogNotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(LogNotificationSender.class);

  private final JdbcTemplate jdbc;

  LogNotificationSender(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(fixedDelayString = "${partner-lifecycle.notifications.poll-millis:5000}")
  @Transactional
  public void sendPending() {
    List<Map<String, Object>> pending = jdbc.queryForList(
        "SELECT id, partner_id, recipient, template, payload FROM notification_outbox WHERE sent_at IS NULL "
            + "ORDER BY id FETCH FIRST 100 ROWS ONLY");
    for (Map<String, Object> row : pending) {
      LOG.info("Notification to {} (partner {}): {} {}", row.get("recipient"), row.get("partner_id"),
          row.get("template"), row.get("payload"));
      jdbc.update("UPDATE notification_outbox SET sent_at = ? WHERE id = ?", Timestamp.from(Instant.now()),
          row.get("id"));
    }
  }
}
