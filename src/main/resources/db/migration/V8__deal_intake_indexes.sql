-- The deal review shows how many of the partner's registrations were approved before (rate locked). Without this
-- index the count read every registration of the partner, so each intake got slower as the partner registered more.
CREATE INDEX deal_registration_partner_locked ON deal_registration (partner_id, rate_locked_at);
