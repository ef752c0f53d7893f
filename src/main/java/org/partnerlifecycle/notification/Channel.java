package org.partnerlifecycle.notification;

/**
 * How a notification reaches its reader: the partner by EMAIL or WEBHOOK; STAFF_MAIL is a mail to a staff member
 * about a partner (a reminder), never listed to the partner.
 */
enum Channel {
  EMAIL, WEBHOOK, STAFF_MAIL
}
