-- Schema 8: a database file that was restored from a backup, copied to another data folder or laptop,
-- or cloned must never reuse mutation ids the server has already seen from its client id. Local only.

-- Where this file was last opened: '<place>:<generation>'. <place> hashes the machine and the file's
-- path; <generation> changes at every open and is mirrored in a file beside the database, so a copy, a
-- restored backup or a file put back by hand no longer matches and gets a new client identity.
ALTER TABLE sync_state ADD COLUMN placement TEXT;
-- Why the client identity was last renewed ('restored' | 'copied'); cleared by the next sign-in. The
-- app explains it beside the sign-in form.
ALTER TABLE sync_state ADD COLUMN identity_reset TEXT CHECK (identity_reset IS NULL OR identity_reset IN ('restored','copied'));
-- The client id before the renewal and the highest outbox id issued under it. Outbox entries up to that
-- id belong to the old identity: at the next sign-in the server says how far it got with them, those it
-- has are dropped, the rest go out again under the new id.
ALTER TABLE sync_state ADD COLUMN previous_client_id TEXT;
ALTER TABLE sync_state ADD COLUMN previous_issued_through INTEGER;
