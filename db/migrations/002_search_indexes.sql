-- Schema 2: indexes for the accounts list (no table or column changes).
-- "Last visit" is the most recent completed, not deleted visit: a partial index makes max(done_at)
-- per account a single index seek instead of a scan over every visit of the account.
CREATE INDEX visits_account_last_done ON visits(account_id, done_at) WHERE status = 'done' AND deleted_at IS NULL;
-- Chinese names sort in pinyin order.
CREATE INDEX accounts_name_pinyin ON accounts(name_pinyin);
CREATE INDEX notes_visit ON notes(visit_id);
CREATE INDEX family_members_contact_live ON family_members(contact_id) WHERE deleted_at IS NULL;
