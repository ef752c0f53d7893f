package org.partnerlifecycle.notification;

import java.util.Map;

/** The one way to tell a partner contact something (welcome kit, reminders, warnings). */
public interface NotificationPort {

  void notifyPartner(String partnerId, String recipient, String template, Map<String, Object> facts);

  /** A decision the partner must hear of: told once per {@code decisionKey}, by webhook and email ({@link PartnerEvents}). */
  void tell(String partnerId, PartnerEvent event, String decisionKey, Map<String, Object> data);
}
