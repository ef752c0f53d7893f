package org.partnerlifecycle.notification;

import java.util.Map;

/** The one way to tell a partner contact something (welcome kit, reminders, warnings). */
public interface NotificationPort {

  void notifyPartner(String partnerId, String recipient, String template, Map<String, Object> facts);
}
