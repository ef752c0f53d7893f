/**
 * The partner's channel: partner events (told once per decision), webhooks (signed, per partner) and email (SMTP),
 * all through one outbox written in the business transaction and sent after commit by {@link
 * org.partnerlifecycle.notification.OutboxWorker}.
 */
package org.partnerlifecycle.notification;
