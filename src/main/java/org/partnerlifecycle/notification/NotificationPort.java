package org.partnerlifecycle.notification;

import java.util.Map;

/** The one way to tell a partner contact something (welcome kit, reminders, warnings). */
public interface NotificationPort {

  void notifyPartner(String partnerId, String recipient, String template, Map<String, Object> facts);

  /**
   * Mails a staff member about one of its partners (a reminder): sent like the partner's mails, never shown to the
   * partner. @return false when the user has no email address (nothing is sent)
   */
  boolean notifyStaff(String partnerId, String userId, String template, Map<String, Object> facts);

  /** A decision the partner must hear of: told once per {@code decisionKey}, by webhook and email ({@link PartnerEvents}). */
  void tell(String partnerId, PartnerEvent event, String decisionKey, Map<String, Object> data);
}
