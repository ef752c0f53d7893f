-- The registrations whose review has yet to start, in arrival order: a handful at any time among all of them.
CREATE INDEX deal_registration_review_pending ON deal_registration (created_at, id) WHERE review_pending;
