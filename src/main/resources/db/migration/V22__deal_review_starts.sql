-- The intake commits a registration marked review_pending and its review process starts in the next round of
-- deal.ReviewStarts (many registrations' processes in one transaction); the process's check step clears the mark.
-- A mark left by a node that died before the round is found by the sweep of any node.
ALTER TABLE deal_registration ADD COLUMN review_pending BOOLEAN DEFAULT FALSE NOT NULL;
