-- Issue 28: engagement cadence, partner health and program KPIs.

-- Meetings with a partner (SPEC §4 POST /api/partners/{id}/meetings, and HoldBusinessReview): they count toward the
-- participation standards in tier reviews (the trailing 12 months by held_on). attendees: JSON [{name, level}];
-- agenda: the QBR sections covered, comma separated.
CREATE TABLE partner_meeting (
  id                  VARCHAR(40)   PRIMARY KEY,
  partner_id          VARCHAR(40)   NOT NULL REFERENCES partner (id),
  held_on             DATE          NOT NULL,
  kind                VARCHAR(20)   NOT NULL,
  attendees           VARCHAR(4000) NOT NULL,
  agenda              VARCHAR(500),
  notes               VARCHAR(4000),
  action_items        VARCHAR(4000),
  management_credit   INTEGER       NOT NULL,
  ceo_credit          INTEGER       NOT NULL,
  c_suite_credit      INTEGER       NOT NULL,
  enablement_credit   INTEGER       NOT NULL,
  roadmap_covered     BOOLEAN       DEFAULT FALSE NOT NULL,
  notes_late          BOOLEAN       DEFAULT FALSE NOT NULL,
  business_review_id  VARCHAR(40),
  recorded_by         VARCHAR(80)   NOT NULL,
  recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX partner_meeting_partner ON partner_meeting (partner_id, held_on);

-- One row per business review on a partner's cadence: SCHEDULED (timer waiting), OPEN (HoldBusinessReview),
-- HELD, or CANCELLED (the partner left the cadence). Completion = HELD / due (KPI business-review completion).
CREATE TABLE business_review (
  id                  VARCHAR(40)   PRIMARY KEY,
  partner_id          VARCHAR(40)   NOT NULL REFERENCES partner (id),
  tier                VARCHAR(20)   NOT NULL,
  due_on              DATE          NOT NULL,
  opens_on            DATE          NOT NULL,
  roadmap_due         BOOLEAN       NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  meeting_id          VARCHAR(40)   REFERENCES partner_meeting (id),
  notes_reminded_at   TIMESTAMP WITH TIME ZONE,
  terms_version       VARCHAR(20)   NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  held_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX business_review_partner ON business_review (partner_id, status);
CREATE INDEX business_review_due ON business_review (due_on);

-- Every health score computed (quarterly run, tier reviews): score, band, factors (JSON [{factor, points, max,
-- input}]) and explanation; an at-risk review's decision on the row that opened it.
CREATE TABLE partner_health (
  id                  VARCHAR(40)   PRIMARY KEY,
  partner_id          VARCHAR(40)   NOT NULL REFERENCES partner (id),
  score               INTEGER       NOT NULL,
  band                VARCHAR(20)   NOT NULL,
  factors             VARCHAR(2000) NOT NULL,
  explanation         VARCHAR(4000) NOT NULL,
  terms_version       VARCHAR(20)   NOT NULL,
  computed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  run_id              VARCHAR(64)   NOT NULL,
  enters_risk         BOOLEAN       NOT NULL,
  risk_decision       VARCHAR(20),
  action_plan         VARCHAR(4000),
  decided_by          VARCHAR(80),
  decided_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX partner_health_partner ON partner_health (partner_id, computed_at);

-- KPIs: WON deals by close date, partners by activation.
CREATE INDEX deal_registration_closed ON deal_registration (status, closed_on);
CREATE INDEX partner_activated ON partner (activated_at);
