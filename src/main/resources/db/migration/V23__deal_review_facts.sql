-- What the deal's forms show beside the case's name (partner standing, deal summary, conflict check, rate and its
-- explanation, review due time, the partner's proposal), as the check step worded it (JSON). Kept here rather than
-- as process variables (issue 30: each variable is a runtime and a history row at every intake) and handed to a
-- task's form when its variables are read (engine.ReadTimeFormFacts).
ALTER TABLE deal_registration ADD COLUMN review_facts VARCHAR(8000);
