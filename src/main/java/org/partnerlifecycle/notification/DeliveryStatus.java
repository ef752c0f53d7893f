package org.partnerlifecycle.notification;

/**
 * Where an outbox entry stands: PENDING (due at {@code nextAttemptAt}), SENT, FAILED (retries over 24 h gave up), or
 * STORED (an email while no SMTP server is configured: kept and shown in the notifications list, not sent).
 */
enum DeliveryStatus {
  PENDING, SENT, FAILED, STORED
}
