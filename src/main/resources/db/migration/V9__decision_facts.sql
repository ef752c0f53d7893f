-- Facts a later process step decides on, kept here rather than in process variables, which a task completion
-- can overwrite: who reviewed an application (the Strategic placement's four-eyes check) and a tier review's
-- grace count (applied when the review ends). Rows from before this migration have NULL.
ALTER TABLE partner ADD COLUMN application_reviewed_by VARCHAR(80);
ALTER TABLE tier_review ADD COLUMN failing_reviews_after INTEGER;
