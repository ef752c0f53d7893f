-- Issue 23: contracted motions, add-on seats, commission adjustments and the reason of a removal.

-- The motions a partner manager added to a partner's contract (SPEC §2 "Motion"). The motion the partner is placed
-- under (partner.motion) is always contracted and is not repeated here.
CREATE TABLE partner_motion (
  partner_id  VARCHAR(40)  NOT NULL REFERENCES partner (id),
  motion      VARCHAR(30)  NOT NULL,
  added_by    VARCHAR(80)  NOT NULL,
  added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (partner_id, motion)
);

-- Why and when a partner was removed: a removal for CONDUCT claws back every payout, any other keeps what was
-- approved before it (no retroactive terms).
ALTER TABLE partner ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE partner ADD COLUMN removal_reason VARCHAR(30);

-- An ADD_ON registration's seats (purchasing guide, seed 003): basis = seats x unit price x remaining / term months.
ALTER TABLE deal_registration ADD COLUMN seats INTEGER;
ALTER TABLE deal_registration ADD COLUMN unit_price NUMERIC(19,2);
ALTER TABLE deal_registration ADD COLUMN remaining_months INTEGER;
-- The customer's current contract value after downgrades (POST .../adjustment); the closed amount until then.
ALTER TABLE deal_registration ADD COLUMN current_amount NUMERIC(19,2);

-- A deal may now have several entries of one kind (each downgrade is an ADJUSTMENT; a CONDUCT removal claws back
-- what a cancellation left): still at most one per deal, kind and sequence number.
ALTER TABLE ledger_entry ADD COLUMN seq INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_once;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_once UNIQUE (deal_id, kind, seq);
