-- Schema 11: a first sync's priority phase (db/sync/pull.ts): the rows Today needs arrive before the
-- full pull. Where the phase got to (the server's priority cursor, saved with each page it applied) and
-- whether it is done, so a sync killed during either phase resumes where it was. Both start again
-- whenever the pull cursor does (a sign-in as someone else, a full resync).
ALTER TABLE sync_state ADD COLUMN priority_cursor TEXT;
ALTER TABLE sync_state ADD COLUMN priority_done INTEGER NOT NULL DEFAULT 0 CHECK (priority_done IN (0, 1));
