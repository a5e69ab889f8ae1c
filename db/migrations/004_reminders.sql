-- Schema 4: reminders and the Today agenda.
-- complaints, orders and greetings are synced tables (same sync columns as schema 1's, outbox on every
-- change); snoozes, fired notifications and ignored tier suggestions are this device's own state.

CREATE TABLE complaints (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  contact_id TEXT REFERENCES contacts(id),
  channel TEXT NOT NULL CHECK (channel IN ('phone','email','wechat','visit','other')),
  severity TEXT NOT NULL CHECK (severity IN ('low','medium','high','critical')),
  description TEXT NOT NULL,
  received_at TEXT NOT NULL,
  target_hours REAL CHECK (target_hours IS NULL OR target_hours > 0),
  first_responded_at TEXT,
  response TEXT,
  resolved_at TEXT,
  resolution TEXT,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX complaints_account ON complaints(account_id, received_at);
-- Today reads only the complaints still waiting: a partial index keeps that a short scan.
CREATE INDEX complaints_unresolved ON complaints(received_at) WHERE resolved_at IS NULL AND deleted_at IS NULL;

-- An order, or a revenue figure for a period: trailing-12-month revenue and activity for lapse.
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  day TEXT NOT NULL,
  amount REAL NOT NULL CHECK (amount >= 0),
  reference TEXT,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX orders_account_day ON orders(account_id, day);
CREATE INDEX orders_day ON orders(day);

-- A reminder marked done: how the contact was greeted and what was given (key = the agenda item's key).
CREATE TABLE greetings (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  contact_id TEXT REFERENCES contacts(id),
  family_member_id TEXT REFERENCES family_members(id),
  date_id TEXT REFERENCES important_dates(id),
  festival_id TEXT,
  occurrence_day TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('call','wechat','visit','gift','message','other')),
  gift TEXT,
  note TEXT,
  greeted_at TEXT NOT NULL,
  owner_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  server_version INTEGER
);
CREATE INDEX greetings_account ON greetings(account_id, occurrence_day);
CREATE INDEX greetings_key ON greetings(key);

-- Local only: an agenda item hidden until a day (it shows again on that day).
CREATE TABLE snoozes (
  key TEXT PRIMARY KEY,
  until_day TEXT NOT NULL
);

-- Local only: notifications already shown, so none fires twice across restarts and clock changes.
CREATE TABLE fired_notifications (
  key TEXT PRIMARY KEY,
  fired_at TEXT NOT NULL
);

-- Local only: tier suggestions the user chose to ignore (until the suggestion changes).
CREATE TABLE tier_suggestion_ignores (
  account_id TEXT NOT NULL REFERENCES accounts(id),
  suggested_tier TEXT NOT NULL CHECK (suggested_tier IN ('A','B','C')),
  PRIMARY KEY (account_id, suggested_tier)
);

-- Who gets festival greetings, chosen per contact: NULL = the default rule, 1 = yes, 0 = no.
ALTER TABLE contacts ADD COLUMN festival_greetings INTEGER CHECK (festival_greetings IS NULL OR festival_greetings IN (0, 1));
