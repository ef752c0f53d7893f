-- The audit trail: one record per state-changing API call and per task completion, written in the transaction
-- of the change, hash-chained (each hash covers the previous one). Append-only: PostgreSQL refuses UPDATE,
-- DELETE and TRUNCATE (db/vendor/postgresql); Camunda's history cleanup never touches our tables.

CREATE TABLE audit_record (
  id                  BIGINT        PRIMARY KEY,
  at                  TIMESTAMP WITH TIME ZONE NOT NULL,
  principal           VARCHAR(80)   NOT NULL,
  action              VARCHAR(120)  NOT NULL,
  subject_type        VARCHAR(20)   NOT NULL,
  subject_id          VARCHAR(64)   NOT NULL,
  process_instance_id VARCHAR(64),
  details             VARCHAR(8000) NOT NULL,
  prev_hash           CHAR(64)      NOT NULL,
  hash                CHAR(64)      NOT NULL
);
CREATE INDEX audit_record_subject ON audit_record (subject_type, subject_id, id);

-- The chain's head: locked FOR UPDATE by each writer, so records are numbered and chained in commit order.
CREATE TABLE audit_chain_head (
  id        INTEGER  PRIMARY KEY,
  last_id   BIGINT   NOT NULL,
  last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
