package org.partnerlifecycle.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.partnerlifecycle.engine.EngineTime;
import org.springframework.stereotype.Component;

/**
 * Writes notifications to the outbox in the caller's transaction: a notification exists exactly when the change
 * that caused it committed. The {@link OutboxWorker} sends them afterwards (by email when SMTP is configured).
 */
@Component
class OutboxNotifications implements NotificationPort {

  private final PartnerEvents outbox;
  private final ObjectMapper json;
  private final EngineTime time;

  OutboxNotifications(PartnerEvents outbox, ObjectMapper json, EngineTime time) {
    this.outbox = outbox;
    this.json = json;
    this.time = time;
  }

  @Override
  public void notifyPartner(String partnerId, String recipient, String template, Map<String, Object> facts) {
    try {
      outbox.enqueue(Channel.EMAIL, partnerId, recipient, template, json.writeValueAsString(facts), null, null,
          time.now());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Notification facts are not serializable: " + facts.keySet(), e);
    }
  }

  @Override
  public void tell(String partnerId, PartnerEvent event, String decisionKey, Map<String, Object> data) {
    outbox.emit(partnerId, event, decisionKey, data);
  }
}
