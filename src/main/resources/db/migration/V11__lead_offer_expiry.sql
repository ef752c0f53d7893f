-- When each open offer lapses (the acceptance window of the terms in force when it was made): the partner's list of
-- its offers shows it as offerExpiresAt. Offers made before this migration keep NULL.
ALTER TABLE lead_offer ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
-- Lists, newest first (GET /api/deal-registrations, /api/leads, /api/partners).
CREATE INDEX lead_offer_partner ON lead_offer (partner_id, offered_at);
CREATE INDEX deal_registration_partner_created ON deal_registration (partner_id, created_at);
CREATE INDEX sales_lead_created ON sales_lead (created_at);
