package org.partnerlifecycle.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.Map;
import org.partnerlifecycle.engine.EngineTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes notifications to the outbox in the caller's transaction: a notification exists exactly when the change
 * that caused it committed. A sender delivers them afterwards.
 */
@Component
class OutboxNotifications implements NotificationPort {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final EngineTime time;

  OutboxNotifications(JdbcTemplate jdbc, ObjectMapper json, EngineTime time) {
    this.jdbc = jdbc;
    this.json = json;
    this.time = time;
  }

  @Override
  public void notifyPartner(String partnerId, String recipient, String template, Map<String, Object> facts) {
    try {
      jdbc.update("INSERT INTO notification_outbox (partner_id, recipient, template, payload, created_at) "
          + "VALUES (?, ?, ?, ?, ?)", partnerId, recipient, template, json.writeValueAsString(facts),
          Timestamp.from(time.now()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Notification facts are not serializable: " + facts, e);
    }
  }
}
