-- Schema 6: indexes for team reports, so that reports over `lead` data (a million visits)
-- read narrow index entries instead of the wide visit rows.
-- Coverage: completed visits of a period, by day, with their account and kind.
CREATE INDEX visits_done_report ON visits(done_at, account_id, kind) WHERE status = 'done' AND deleted_at IS NULL;
-- Coverage: each account's last completed visit of each kind before a period, read in index order.
CREATE INDEX visits_done_by_account ON visits(account_id, kind, done_at) WHERE status = 'done' AND deleted_at IS NULL;
-- The visit log sorted by when a visit happened (done, else planned): pages, date filters and counts
-- without sorting or reading every row (account_id makes counting index-only).
CREATE INDEX visits_log_when ON visits(coalesce(done_at, planned_at, created_at), id, account_id) WHERE deleted_at IS NULL;
