-- Schema 7: the outbox by row. A push settles each applied change's later changes of the same row (their
-- base version), and a pull protects a row's pending fields; without this index each of those scanned
-- the whole outbox, which after a large import or a first upload holds ~200,000 entries.
CREATE INDEX outbox_row ON outbox (table_name, row_id);
