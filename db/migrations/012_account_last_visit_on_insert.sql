-- Schema 12: an account that arrives after its visits (a first sync brings rows in version order, and
-- an account edited after its visits were logged comes after them; a new laptop's priority phase sends
-- accounts last) gets its last visit from the done visits already here. The triggers of schema 3 only
-- move it when a visit is written.
CREATE TRIGGER accounts_last_visit_ai AFTER INSERT ON accounts WHEN new.last_visit_at IS NULL BEGIN
  UPDATE accounts SET last_visit_at = (
    SELECT max(v.done_at) FROM visits v WHERE v.account_id = new.id AND v.status = 'done' AND v.deleted_at IS NULL
  ) WHERE id = new.id;
END;
