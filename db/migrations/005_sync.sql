-- Schema 5: the sync client's own state. Local only: none of these tables is synced.

-- One row: which server this installation syncs with, as whom, and how far it got.
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  client_id TEXT NOT NULL,            -- one UUID per installation (device), sent with every push and pull
  server_url TEXT,                    -- NULL = signed out
  user_id TEXT,
  username TEXT,
  display_name TEXT,
  role TEXT CHECK (role IS NULL OR role IN ('rep','lead','admin')),
  team_id TEXT,
  team_name TEXT,
  cursor TEXT,                        -- opaque pull cursor; NULL = next pull is a full one
  last_mutation_id INTEGER NOT NULL DEFAULT 0,  -- highest outbox id the server acknowledged
  last_synced_at TEXT,                -- instant of the last sync that completed
  last_error TEXT                     -- i18n key of the last failure, NULL after a success
);

-- Changes the server refused: shown in the conflicts inbox until the user dismisses them.
CREATE TABLE rejected_mutations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  mutation_id INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert','delete')),
  fields TEXT NOT NULL DEFAULT '{}',
  reason TEXT NOT NULL,
  message TEXT,                       -- i18n key from the server
  changed_at TEXT NOT NULL,           -- when the change was made on this device
  rejected_at TEXT NOT NULL
);

-- Display names of the people whose rows this device holds (a lead sees the team's reps).
CREATE TABLE sync_owners (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL
);

-- A conflict copy: the text of a concurrent edit of note `conflict_of`, kept until the user resolves it.
ALTER TABLE notes ADD COLUMN conflict_of TEXT;
CREATE INDEX notes_conflict_of ON notes(conflict_of) WHERE conflict_of IS NOT NULL;
