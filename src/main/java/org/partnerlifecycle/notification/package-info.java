/**
 * The notification port and its outbox; the default sender only logs.
 */
package org.partnerlifecycle.notification;
