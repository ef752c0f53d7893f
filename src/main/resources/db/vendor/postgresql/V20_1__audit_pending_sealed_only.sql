-- audit_pending (V20) holds committed audit records until the sealer links them into audit_record. For every role
-- the application may use: no UPDATE and no TRUNCATE, and a DELETE only of a record that audit_record already holds
-- with the same content (as the sealer deletes, in the transaction that sealed it). So a pending record can neither
-- be changed nor dropped before it is sealed, only sealed as it was written.
CREATE FUNCTION refuse_delete_of_unsealed_audit() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_record r WHERE r.pending_id = OLD.id AND r.at = OLD.at
      AND r.principal = OLD.principal AND r.action = OLD.action AND r.subject_type = OLD.subject_type
      AND r.subject_id = OLD.subject_id AND r.process_instance_id IS NOT DISTINCT FROM OLD.process_instance_id
      AND r.details = OLD.details) THEN
    RAISE EXCEPTION 'audit_pending record % is not sealed: DELETE refused', OLD.id;
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_pending_sealed_only BEFORE DELETE ON audit_pending
  FOR EACH ROW EXECUTE FUNCTION refuse_delete_of_unsealed_audit();
CREATE TRIGGER audit_pending_no_update BEFORE UPDATE ON audit_pending
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
CREATE TRIGGER audit_pending_no_truncate BEFORE TRUNCATE ON audit_pending
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only();

-- The sealer reads the pending records in this order, a batch at a time: through this index it reads only the batch,
-- not the table, whose dead rows (every sealed record leaves one until vacuum) would otherwise be scanned each seal.
-- H2 (demo mode) has no expression index; its small tables do not need one.
CREATE INDEX audit_pending_seal_order ON audit_pending ((COALESCE(first_id, id)), id);
