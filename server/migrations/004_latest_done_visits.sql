-- Each account's latest completed visits for a new laptop's priority phase (server/sync/priority.ts):
-- one seek per account, newest first, instead of reading every completed visit's JSON of the team and
-- grouping it (a rep's 47,000: ~240 ms of the phase's first page, now ~30 ms).
CREATE INDEX sync_rows_done_visits ON sync_rows (account_id, (data->>'doneAt') DESC, id DESC)
  WHERE table_name = 'visits' AND deleted_at IS NULL AND data->>'status' = 'done' AND data->>'doneAt' IS NOT NULL;
