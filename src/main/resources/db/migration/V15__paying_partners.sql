-- Issue 24: paying partners. The ledger stays append-only; where each entry stands in its payment lifecycle is kept
-- beside it. A REVENUE_SHARE entry (one per contract year) is ACCRUED at close, payable once the customer's payment
-- for its year is recorded and the refund holdback has passed (payable_on, evaluated against the run's date),
-- ON_STATEMENT, then PAID; CANCELLED when the customer cancelled before it was payable. A CLAWBACK or ADJUSTMENT is
-- OPEN until a statement nets it (ON_STATEMENT, then PAID when that statement is paid). Discounts have no state:
-- they are never paid out.
CREATE TABLE ledger_entry_state (
  entry_id         BIGINT        PRIMARY KEY REFERENCES ledger_entry (id),
  partner_id       VARCHAR(40)   NOT NULL REFERENCES partner (id),
  deal_id          VARCHAR(40)   NOT NULL REFERENCES deal_registration (id),
  contract_year    INTEGER,
  year_starts_on   DATE,
  status           VARCHAR(20)   NOT NULL,
  customer_paid_on DATE,
  payable_on       DATE,
  statement_id     VARCHAR(40),
  changed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ledger_entry_state_open ON ledger_entry_state (status, partner_id);
CREATE INDEX ledger_entry_state_deal ON ledger_entry_state (deal_id, contract_year);
CREATE INDEX ledger_entry_state_statement ON ledger_entry_state (statement_id);

-- Entries booked before this release: a revenue share is one accrual for contract year 1 (the whole initial term, as
-- it was booked), a clawback or adjustment is open.
INSERT INTO ledger_entry_state (entry_id, partner_id, deal_id, contract_year, year_starts_on, status, changed_at)
  SELECT e.id, e.partner_id, e.deal_id, CASE WHEN e.kind = 'REVENUE_SHARE' THEN 1 END,
         CASE WHEN e.kind = 'REVENUE_SHARE' THEN d.closed_on END,
         CASE WHEN e.kind = 'REVENUE_SHARE' THEN 'ACCRUED' ELSE 'OPEN' END, e.booked_at
  FROM ledger_entry e JOIN deal_registration d ON d.id = e.deal_id
  WHERE e.kind <> 'DISCOUNT';

-- The customer's payments (POST /api/deal-registrations/{id}/payments, finance): one per deal and contract year.
CREATE TABLE customer_payment (
  id            VARCHAR(40)   PRIMARY KEY,
  deal_id       VARCHAR(40)   NOT NULL REFERENCES deal_registration (id),
  contract_year INTEGER       NOT NULL,
  paid_on       DATE          NOT NULL,
  amount        NUMERIC(19,2) NOT NULL,
  recorded_by   VARCHAR(80)   NOT NULL,
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT customer_payment_once UNIQUE (deal_id, contract_year)
);

-- A monthly payout run: at most one per period (yyyy-mm), so a second run for a period changes nothing.
CREATE TABLE payout_run (
  id                   VARCHAR(40)   PRIMARY KEY,
  period               VARCHAR(7)    NOT NULL,
  statement_date       DATE          NOT NULL,
  status               VARCHAR(30)   NOT NULL,
  requested_by         VARCHAR(80)   NOT NULL,
  payable_total        NUMERIC(19,2),
  clawback_total       NUMERIC(19,2),
  statement_total      NUMERIC(19,2),
  carried_forward      NUMERIC(19,2),
  statement_count      INTEGER,
  carried_count        INTEGER,
  needs_approval       BOOLEAN,
  decided_by           VARCHAR(80),
  decision_reason      VARCHAR(2000),
  process_instance_id  VARCHAR(64),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT payout_run_once_per_period UNIQUE (period)
);

CREATE TABLE statement (
  id                VARCHAR(40)   PRIMARY KEY,
  run_id            VARCHAR(40)   NOT NULL REFERENCES payout_run (id),
  partner_id        VARCHAR(40)   NOT NULL REFERENCES partner (id),
  statement_date    DATE          NOT NULL,
  due_date          DATE          NOT NULL,
  status            VARCHAR(20)   NOT NULL,
  payable           NUMERIC(19,2) NOT NULL,
  clawbacks         NUMERIC(19,2) NOT NULL,
  total             NUMERIC(19,2) NOT NULL,
  brought_forward   NUMERIC(19,2) NOT NULL,
  explanation       VARCHAR(2000) NOT NULL,
  terms_version     VARCHAR(20)   NOT NULL,
  issued_at         TIMESTAMP WITH TIME ZONE,
  paid_on           DATE,
  payment_reference VARCHAR(200),
  paid_recorded_by  VARCHAR(80),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT statement_once_per_run UNIQUE (run_id, partner_id)
);
CREATE INDEX statement_partner ON statement (partner_id, statement_date);
CREATE INDEX statement_due ON statement (status, due_date);

-- Each line of a statement, traced to its deal, ledger entry, the rule result that computed it and its terms version.
CREATE TABLE statement_line (
  statement_id    VARCHAR(40)   NOT NULL REFERENCES statement (id),
  line_no         INTEGER       NOT NULL,
  entry_id        BIGINT        NOT NULL REFERENCES ledger_entry (id),
  deal_id         VARCHAR(40)   NOT NULL,
  kind            VARCHAR(20)   NOT NULL,
  contract_year   INTEGER,
  amount          NUMERIC(19,2) NOT NULL,
  terms_version   VARCHAR(20)   NOT NULL,
  rule_result_id  BIGINT,
  rule_name       VARCHAR(80),
  explanation     VARCHAR(2000) NOT NULL,
  PRIMARY KEY (statement_id, line_no)
);

-- A partner's net that made no statement in a run (under the minimum, or negative): carried forward. The entries
-- stay unassigned and are netted again by the next run; this row shows the amount.
CREATE TABLE payout_carry_forward (
  run_id          VARCHAR(40)   NOT NULL REFERENCES payout_run (id),
  partner_id      VARCHAR(40)   NOT NULL REFERENCES partner (id),
  statement_date  DATE          NOT NULL,
  payable         NUMERIC(19,2) NOT NULL,
  clawbacks       NUMERIC(19,2) NOT NULL,
  amount          NUMERIC(19,2) NOT NULL,
  explanation     VARCHAR(2000) NOT NULL,
  PRIMARY KEY (run_id, partner_id)
);
CREATE INDEX payout_carry_forward_partner ON payout_carry_forward (partner_id, statement_date);
