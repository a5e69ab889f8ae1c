-- Rounds local database, schema 1.
-- Every synced table: UUIDv7 text id chosen by the client, created_at/updated_at/deleted_at (ISO-8601
-- UTC instants, deleted_at = tombstone), server_version (the server version this row last came from,
-- NULL until synced), owner_id (the rep who owns it; NULL = this device's own user).
-- Booleans are INTEGER 0/1. Calendar days are 'YYYY-MM-DD' text.

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_pinyin TEXT NOT NULL DEFAULT '',      -- full pinyin, lower case, no tones, no spaces
  name_initials TEXT NOT NULL DEFAULT '',    -- pinyin initials, e.g. zgsy for 中国石油
  tier TEXT NOT NULL CHECK (tier IN ('A','B','C')),
  tier_source TEXT NOT NULL DEFAULT 'manual' CHECK (tier_source IN ('manual','suggested')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('prospect','active','at_risk','lapsed','won_back')),
  industry TEXT,
  city TEXT,
  address TEXT,
  long_term_contract INTEGER NOT NULL DEFAULT 0,
  strategic INTEGER NOT NULL DEFAULT 0,
  annual_revenue REAL CHECK (annual_revenue IS NULL OR annual_revenue >= 0),
  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 365),
  interests TEXT,
  notes TEXT,
  external_id TEXT,
  archived_at TEXT,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX accounts_name ON accounts(name);
CREATE INDEX accounts_city ON accounts(city);
CREATE INDEX accounts_tier ON accounts(tier);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL,
  name_pinyin TEXT NOT NULL DEFAULT '',
  name_initials TEXT NOT NULL DEFAULT '',
  title TEXT,
  role TEXT CHECK (role IS NULL OR role IN ('decision_maker','influencer','user','gatekeeper')),
  phone TEXT,
  email TEXT,
  wechat TEXT,
  interests TEXT,
  is_key INTEGER NOT NULL DEFAULT 0,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX contacts_account ON contacts(account_id);

CREATE TABLE family_members (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  name TEXT NOT NULL,
  relation TEXT NOT NULL CHECK (relation IN ('spouse','child','parent','sibling','other')),
  notes TEXT,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX family_members_contact ON family_members(contact_id);

CREATE TABLE important_dates (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  contact_id TEXT REFERENCES contacts(id),
  family_member_id TEXT REFERENCES family_members(id),
  kind TEXT NOT NULL CHECK (kind IN ('birthday','wedding_anniversary','founding_day','contract_anniversary','first_deal_anniversary','custom')),
  label TEXT,
  calendar TEXT NOT NULL CHECK (calendar IN ('gregorian','lunar')),
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  is_leap_month INTEGER NOT NULL DEFAULT 0,
  year INTEGER,
  lead_days INTEGER,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX important_dates_account ON important_dates(account_id);
CREATE INDEX important_dates_contact ON important_dates(contact_id);

CREATE TABLE visits (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL CHECK (kind IN ('routine','complaint_follow_up','executive','delivery','training','survey','phone_call','meeting')),
  status TEXT NOT NULL CHECK (status IN ('planned','done','cancelled')),
  planned_at TEXT,
  done_at TEXT,
  cancelled_at TEXT,
  purpose TEXT,
  met_contact_ids TEXT NOT NULL DEFAULT '[]',  -- JSON array of contact ids
  outcome TEXT,
  next_step TEXT,
  next_visit_date TEXT,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX visits_account_done ON visits(account_id, done_at);
CREATE INDEX visits_planned ON visits(status, planned_at);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  visit_id TEXT REFERENCES visits(id),
  contact_id TEXT REFERENCES contacts(id),
  body TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX notes_account ON notes(account_id, created_at);

-- Append-only history: one row per revision of a note, including the one that deleted it.
CREATE TABLE note_revisions (
  id TEXT PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES notes(id),
  revision INTEGER NOT NULL,
  body TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (note_id, revision)
);

-- Every local change to a synced row, written in the same transaction as the change.
-- `fields` holds only the changed fields (JSON, camelCase keys) so the server can merge field by field.
CREATE TABLE outbox (
  mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert','delete')),
  fields TEXT NOT NULL DEFAULT '{}',
  base_version INTEGER,
  created_at TEXT NOT NULL
);

-- Local-only preferences (JSON values).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Search over accounts: trigram FTS for 3+ characters; shorter queries fall back to LIKE.
CREATE VIRTUAL TABLE accounts_fts USING fts5(
  name, name_pinyin, name_initials, city, content='accounts', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER accounts_fts_ai AFTER INSERT ON accounts BEGIN
  INSERT INTO accounts_fts(rowid, name, name_pinyin, name_initials, city)
  VALUES (new.rowid, new.name, new.name_pinyin, new.name_initials, coalesce(new.city, ''));
END;
CREATE TRIGGER accounts_fts_ad AFTER DELETE ON accounts BEGIN
  INSERT INTO accounts_fts(accounts_fts, rowid, name, name_pinyin, name_initials, city)
  VALUES ('delete', old.rowid, old.name, old.name_pinyin, old.name_initials, coalesce(old.city, ''));
END;
CREATE TRIGGER accounts_fts_au AFTER UPDATE OF name, name_pinyin, name_initials, city ON accounts BEGIN
  INSERT INTO accounts_fts(accounts_fts, rowid, name, name_pinyin, name_initials, city)
  VALUES ('delete', old.rowid, old.name, old.name_pinyin, old.name_initials, coalesce(old.city, ''));
  INSERT INTO accounts_fts(rowid, name, name_pinyin, name_initials, city)
  VALUES (new.rowid, new.name, new.name_pinyin, new.name_initials, coalesce(new.city, ''));
END;
