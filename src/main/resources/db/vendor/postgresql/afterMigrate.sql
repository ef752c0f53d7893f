-- Flyway callback, after every migrate, as the migrating (owner) role: what the runtime role (DB_USER, placeholder
-- runtimeUser) may do with our tables. It owns none of them, so it cannot disable their triggers (that takes the
-- owner); it reads and writes them, except that the append-only tables take no UPDATE, DELETE or TRUNCATE at all, and
-- audit_pending no UPDATE or TRUNCATE (its DELETE is the sealer's, allowed by trigger only for a sealed record).
-- Camunda creates its ACT_* tables itself at startup through the runtime datasource: the runtime role keeps CREATE on
-- the schema for that (and owns those tables). With one role for both (no DB_OWNER_USER) this changes nothing that
-- matters: the owner keeps its ownership, and the triggers still refuse changes to the audit trail.
GRANT USAGE, CREATE ON SCHEMA public TO "${runtimeUser}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${runtimeUser}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${runtimeUser}";
REVOKE UPDATE, DELETE, TRUNCATE ON audit_record, audit_checkpoint, ledger_entry FROM "${runtimeUser}";
REVOKE UPDATE, TRUNCATE ON audit_pending FROM "${runtimeUser}";
