-- Schema 9: the rows of the demo data set. They stay on this laptop: a change to one, or to a row that
-- hangs off one, waits apart (below), and "remove demo data" deletes them (keeping the rows the rep
-- worked on as the rep's own, which then upload). Local only.
CREATE TABLE demo_rows (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id)
);

-- Changes of demo rows, or of rows that hang off one (a note written on a demo account): kept here, not
-- in the outbox, until the demo data is removed; then those still wanted move to the outbox with new
-- mutation ids. In the outbox they would sit below ids the server has processed, and every step that
-- trims the outbox to the server's counter would take them for sent.
CREATE TABLE demo_held_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert','delete')),
  fields TEXT NOT NULL DEFAULT '{}',
  base_version INTEGER,
  created_at TEXT NOT NULL
);
