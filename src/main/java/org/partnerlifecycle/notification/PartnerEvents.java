package org.partnerlifecycle.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.web.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a partner about a decision: called by the service that makes the decision, in its transaction. Writes the
 * event once per {@code decisionKey} (a replayed request or a retried job that reaches the decision again writes
 * nothing), and into the outbox one webhook delivery per subscribed endpoint and one email to the partner's contact
 * address. The outbox worker sends them after commit; nothing here talks to the network.
 */
@Component
public class PartnerEvents {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final EngineTime time;
  private final ApplicationEventPublisher publisher;

  PartnerEvents(JdbcTemplate jdbc, ObjectMapper json, EngineTime time, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.json = json;
    this.time = time;
    this.publisher = publisher;
  }

  /**
   * Published inside the deciding transaction once an event is new, for the application's own followers (the
   * business-review cadence follows activation and tier changes): they act in the same transaction.
   */
  public record Emitted(String partnerId, PartnerEvent event, Map<String, Object> data) {
  }

  /**
   * @param decisionKey unique per decision, such as {@code deal.approved:D-1} or {@code lead.offered:L-1:P-2}
   * @param data        the event's facts, sent as {@code data} (ids, statuses, dates; what the partner may see)
   * @return whether the event was new (false: this decision was told before)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean emit(String partnerId, PartnerEvent event, String decisionKey, Map<String, Object> data) {
    Integer told = jdbc.queryForObject("SELECT count(*) FROM partner_event WHERE decision_key = ?", Integer.class,
        decisionKey);
    if (told != null && told > 0) {
      return false;
    }
    String eventId = Ids.next("EV-");
    Instant now = time.now();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", eventId);
    body.put("event", event.wireName());
    body.put("occurredAt", now.toString());
    body.put("partnerId", partnerId);
    body.put("data", data);
    String payload = write(body);
    jdbc.update("INSERT INTO partner_event (id, partner_id, event, decision_key, occurred_at, data) "
        + "VALUES (?, ?, ?, ?, ?, ?)", eventId, partnerId, event.wireName(), decisionKey, Timestamp.from(now),
        write(data));
    for (Map<String, Object> hook : jdbc.queryForList("SELECT id, url, events FROM partner_webhook "
        + "WHERE partner_id = ? AND deleted_at IS NULL ORDER BY created_at", partnerId)) {
      if (List.of(((String) hook.get("events")).split(",")).contains(event.wireName())) {
        enqueue(Channel.WEBHOOK, partnerId, (String) hook.get("url"), event.wireName(), payload, eventId,
            (String) hook.get("id"), now);
      }
    }
    List<String> contact = jdbc.queryForList("SELECT contact_email FROM partner WHERE id = ?", String.class,
        partnerId);
    if (!contact.isEmpty() && contact.get(0) != null) {
      enqueue(Channel.EMAIL, partnerId, contact.get(0), event.wireName(), payload, eventId, null, now);
    }
    publisher.publishEvent(new Emitted(partnerId, event, data));
    return true;
  }

  void enqueue(Channel channel, String partnerId, String recipient, String template, String payload,
      String eventId, String webhookId, Instant now) {
    jdbc.update("INSERT INTO notification_outbox (partner_id, recipient, template, payload, created_at, channel, "
        + "status, attempts, next_attempt_at, event_id, webhook_id) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
        partnerId, recipient, template, payload, Timestamp.from(now), channel.name(), Timestamp.from(now), eventId,
        webhookId);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event data is not serializable", e);
    }
  }
}
