package org.partnerlifecycle.notification;

/** How a notification reaches the partner. */
enum Channel {
  EMAIL, WEBHOOK
}
