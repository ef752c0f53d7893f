-- The partner's channel (SPEC §4 second release: webhooks, email).
-- partner_event: each decision told to a partner, once: decision_key is unique, so a replayed request or a retried job
-- that reaches the same decision again writes nothing.
CREATE TABLE partner_event (
  id            VARCHAR(40)   PRIMARY KEY,
  partner_id    VARCHAR(40)   NOT NULL,
  event         VARCHAR(40)   NOT NULL,
  decision_key  VARCHAR(200)  NOT NULL,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  data          VARCHAR(20000) NOT NULL,
  CONSTRAINT partner_event_once UNIQUE (decision_key)
);
CREATE INDEX partner_event_partner ON partner_event (partner_id, occurred_at);

-- A partner's webhook endpoints. The secret signs deliveries, so it is kept encrypted (AES-256-GCM, key outside the
-- database: WEBHOOK_SECRETS_KEY or the key file), not hashed.
CREATE TABLE partner_webhook (
  id                VARCHAR(40)   PRIMARY KEY,
  partner_id        VARCHAR(40)   NOT NULL REFERENCES partner (id),
  url               VARCHAR(2000) NOT NULL,
  events            VARCHAR(2000) NOT NULL,
  secret_ciphertext VARCHAR(400)  NOT NULL,
  created_by        VARCHAR(80)   NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX partner_webhook_partner ON partner_webhook (partner_id);

-- The outbox carries every channel: EMAIL (recipient = the contact address) and WEBHOOK (recipient = the URL).
-- PENDING until SENT, FAILED after 24 h of retries, or STORED (email without SMTP: kept, not sent).
ALTER TABLE notification_outbox ADD COLUMN channel VARCHAR(10) DEFAULT 'EMAIL' NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN status VARCHAR(10) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification_outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification_outbox ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification_outbox ADD COLUMN last_status INTEGER;
ALTER TABLE notification_outbox ADD COLUMN last_error VARCHAR(500);
ALTER TABLE notification_outbox ADD COLUMN event_id VARCHAR(40);
ALTER TABLE notification_outbox ADD COLUMN webhook_id VARCHAR(40);
UPDATE notification_outbox SET status = 'SENT' WHERE sent_at IS NOT NULL;
UPDATE notification_outbox SET next_attempt_at = created_at WHERE next_attempt_at IS NULL;
CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);
CREATE INDEX notification_outbox_partner ON notification_outbox (partner_id, channel, id);
