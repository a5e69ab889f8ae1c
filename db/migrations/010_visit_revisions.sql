-- Schema 10: a done visit's history, kept like a note's (note_revisions). Editing a done visit appends
-- the record as it became; the first edit first keeps what it was (at its last change). A record that
-- arrives by pull and differs joins the history of a visit that has one. Local only: the visit's own
-- fields sync as before. Deleting a visit row (seed --force, demo removal) takes its history along.
CREATE TABLE visit_revisions (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  -- JSON, camelCase keys: kind, doneAt, metContactIds, outcome, nextStep, nextVisitDate
  record TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (visit_id, revision)
);
