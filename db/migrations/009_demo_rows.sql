-- Schema 9: the rows of the demo data set. They stay on this laptop: a change to one, or to a row that
-- hangs off one, is not pushed, and "remove demo data" deletes them (keeping the rows the rep worked on
-- as the rep's own, which then upload). Local only.
CREATE TABLE demo_rows (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id)
);
