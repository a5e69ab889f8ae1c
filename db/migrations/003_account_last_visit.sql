-- Schema 3: accounts.last_visit_at, the done_at of the account's most recent completed, not deleted
-- visit. Derived and local only (never synced; the outbox never carries it): triggers on visits keep
-- it current for every writer — the app, the seed's bulk inserts, rows arriving by sync — so the
-- accounts list can sort and page by last visit without a subquery per account.
ALTER TABLE accounts ADD COLUMN last_visit_at TEXT;
UPDATE accounts SET last_visit_at = (
  SELECT max(v.done_at) FROM visits v WHERE v.account_id = accounts.id AND v.status = 'done' AND v.deleted_at IS NULL
);
CREATE INDEX accounts_last_visit ON accounts(last_visit_at);

-- The common case, a new done visit, only moves the date forward: no subquery.
CREATE TRIGGER visits_last_visit_ai AFTER INSERT ON visits
WHEN new.status = 'done' AND new.deleted_at IS NULL AND new.done_at IS NOT NULL BEGIN
  UPDATE accounts SET last_visit_at = new.done_at
  WHERE id = new.account_id AND (last_visit_at IS NULL OR last_visit_at < new.done_at);
END;
CREATE TRIGGER visits_last_visit_au AFTER UPDATE OF account_id, status, done_at, deleted_at ON visits BEGIN
  UPDATE accounts SET last_visit_at = (
    SELECT max(v.done_at) FROM visits v WHERE v.account_id = accounts.id AND v.status = 'done' AND v.deleted_at IS NULL
  ) WHERE id IN (old.account_id, new.account_id);
END;
CREATE TRIGGER visits_last_visit_ad AFTER DELETE ON visits BEGIN
  UPDATE accounts SET last_visit_at = (
    SELECT max(v.done_at) FROM visits v WHERE v.account_id = accounts.id AND v.status = 'done' AND v.deleted_at IS NULL
  ) WHERE id = old.account_id;
END;
