-- Issue 22 (tier reviews as the seeds say). Versioned 11.22 so that it sorts after V10 and beside the other
-- second-release migrations without taking their numbers.
-- The guide's full participation lists (seed 000 lines 221-222): commission and quota relief for field teams
-- (GROWTH and STRATEGIC), presence at the partner's sales kickoff, user conference and trade shows (STRATEGIC).
ALTER TABLE partner_commitment ADD COLUMN commission_quota_relief BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE partner_commitment ADD COLUMN sales_event_presence BOOLEAN DEFAULT FALSE NOT NULL;
-- What a review recommends for the motion (a reseller or OEM below GROWTH is placed as REFERRAL, and regains its
-- motion when it qualifies for GROWTH in it), and the health factors behind its score (JSON, for
-- GET /api/partners/{id}/health).
ALTER TABLE tier_review ADD COLUMN recommended_motion VARCHAR(30);
ALTER TABLE tier_review ADD COLUMN health_factors VARCHAR(2000);
-- A review with no commitments recorded waits for RecordCommitments before it evaluates; a manual placement change
-- (POST /api/partners/{id}/tier-changes) runs a review in manual mode.
ALTER TABLE tier_review ADD COLUMN manual BOOLEAN DEFAULT FALSE NOT NULL;
