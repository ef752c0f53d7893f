-- Idempotency-Key of every creating POST (except deal registrations, which keep deal_idempotency_key of V3): the
-- first answer is kept, so a retry with the same key and body gets it again and changes nothing. The primary key
-- makes concurrent retries of one key produce one record: the second insert waits for the first and then fails.
CREATE TABLE idempotency_key (
  caller            VARCHAR(200)  NOT NULL,
  idempotency_key   VARCHAR(200)  NOT NULL,
  -- SHA-256 of the endpoint and the canonical request: the same key with another request is refused
  request_hash      CHAR(64)      NOT NULL,
  resource_type     VARCHAR(40)   NOT NULL,
  resource_id       VARCHAR(80),
  response_status   INTEGER,
  response_location VARCHAR(300),
  -- the first answer as JSON, minus anything shown only once (an API key's secret)
  response_body     VARCHAR(4000),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (caller, idempotency_key)
);
