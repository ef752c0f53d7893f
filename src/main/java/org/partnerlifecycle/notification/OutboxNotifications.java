package org.partnerlifecycle.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.partnerlifecycle.engine.EngineTime;
import org.partnerlifecycle.security.StaffDirectory;
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
  private final StaffDirectory staff;

  OutboxNotifications(PartnerEvents outbox, ObjectMapper json, EngineTime time, StaffDirectory staff) {
    this.outbox = outbox;
    this.json = json;
    this.time = time;
    this.staff = staff;
  }

  @Override
  public void notifyPartner(String partnerId, String recipient, String template, Map<String, Object> facts) {
    mail(Channel.EMAIL, partnerId, recipient, template, facts);
  }

  @Override
  public boolean notifyStaff(String partnerId, String userId, String template, Map<String, Object> facts) {
    Optional<String> address = staff.email(userId);
    address.ifPresent(to -> mail(Channel.STAFF_MAIL, partnerId, to, template, facts));
    return address.isPresent();
  }

  private void mail(Channel channel, String partnerId, String recipient, String template, Map<String, Object> facts) {
    try {
      outbox.enqueue(channel, partnerId, recipient, template, json.writeValueAsString(facts), null, null, time.now());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Notification facts are not serializable: " + facts.keySet(), e);
    }
  }

  @Override
  public void tell(String partnerId, PartnerEvent event, String decisionKey, Map<String, Object> data) {
    outbox.emit(partnerId, event, decisionKey, data);
  }
}
