-- Sync server schema 1. See server/README.md for why the rows of every synced entity share one table.

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- the last row version handed out in this team; its row lock serialises version assignment, so
  -- versions commit in order and a pull can never step over a version that commits later
  last_version bigint NOT NULL DEFAULT 0,
  -- the highest version whose tombstone was purged: a cursor below it may have missed a delete
  purge_horizon bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('rep', 'lead', 'admin')),
  password_hash text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per signed-in installation. A client id belongs to one user, so nobody can advance another
-- user's mutation counter by claiming their client id.
CREATE TABLE devices (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  client_id uuid NOT NULL UNIQUE,
  name text NOT NULL,
  -- sha-256 of the current refresh token (rotated on every refresh); null once signed out
  refresh_token_hash text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE client_mutations (
  client_id uuid PRIMARY KEY,
  last_mutation_id bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sync_rows (
  table_name text NOT NULL,
  id uuid NOT NULL,
  team_id uuid NOT NULL REFERENCES teams (id),
  owner_id uuid NOT NULL REFERENCES users (id),
  -- the account this row belongs to (an account's own id for accounts): access is decided per account
  account_id uuid NOT NULL,
  version bigint NOT NULL,
  -- notes: the version at which the body last changed, to tell a concurrent edit from a stale one
  text_version bigint NOT NULL DEFAULT 0,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (table_name, id)
);
CREATE UNIQUE INDEX sync_rows_team_version ON sync_rows (team_id, version);
CREATE INDEX sync_rows_account ON sync_rows (account_id);
-- a rep's pull starts from the accounts they own
CREATE INDEX sync_rows_account_owner ON sync_rows (team_id, owner_id) WHERE table_name = 'accounts';
CREATE INDEX sync_rows_tombstones ON sync_rows (deleted_at) WHERE deleted_at IS NOT NULL;

-- Accounts a rep may read and write besides their own.
CREATE TABLE account_shares (
  account_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (account_id, user_id)
);

CREATE TABLE rejected_mutations (
  client_id uuid NOT NULL,
  mutation_id bigint NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  table_name text NOT NULL,
  row_id uuid NOT NULL,
  reason text NOT NULL,
  message text NOT NULL,
  mutation jsonb NOT NULL,
  rejected_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, mutation_id)
);

CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
