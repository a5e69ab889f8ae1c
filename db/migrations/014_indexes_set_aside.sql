-- Schema 14: secondary indexes of synced tables set aside while a whole-table load (a new laptop's full
-- pull) inserts its rows, rebuilt when the load ends (db/synced/indexesSetAside.ts). Each is recorded in
-- the transaction that drops it: a load killed half-way leaves it here, and opening the database rebuilds it.
CREATE TABLE indexes_set_aside (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL
);
