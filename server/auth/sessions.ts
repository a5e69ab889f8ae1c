/** Sign-in, token refresh and sign-out per device; the device check every sync request makes. */
import { uuidv7 } from 'uuidv7';
import type { LoginRequest, LoginResponse, UserRole } from '../../core/sync/protocol.js';
import { ServerError } from '../errors.js';
import { isUuid, type SqlClient } from '../store/sqlClient.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { ACCESS_TOKEN_SECONDS, hashToken, newRefreshToken, newSecret, signAccessToken } from './tokens.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: UserRole;
  team_id: string;
  team_name: string;
  password_hash: string;
  disabled: boolean;
  session_generation: number;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.team_id, t.name AS team_name, u.password_hash, u.disabled_at IS NOT NULL AS disabled, u.session_generation`;

/** Compared against when the username is unknown, so a wrong username costs as much time as a wrong password. */
let decoy: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  decoy ??= hashPassword(newSecret());
  return decoy;
}

/** The HMAC secret: `ROUNDS_TOKEN_SECRET` if set, else one generated once and kept in the database (shared by all processes). */
export async function loadTokenSecret(store: SqlClient, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  await store.query(`INSERT INTO server_settings (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING`, [newSecret()]);
  const [row] = await store.query<{ value: string }>(`SELECT value FROM server_settings WHERE key = 'token_secret'`);
  return row!.value;
}

function sessionFor(user: UserRow, device: { id: string; clientId: string }, refreshToken: string, secret: string, now: Date): LoginResponse {
  return {
    accessToken: signAccessToken({ userId: user.id, teamId: user.team_id, role: user.role, deviceId: device.id, clientId: device.clientId, gen: user.session_generation }, secret, now),
    accessExpiresIn: ACCESS_TOKEN_SECONDS,
    refreshToken,
    user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, teamId: user.team_id, teamName: user.team_name },
  };
}

export async function login(store: SqlClient, secret: string, request: LoginRequest, now: Date): Promise<LoginResponse> {
  const [user] = await store.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u JOIN teams t ON t.id = u.team_id WHERE u.username = $1`, [request.username]);
  const passwordOk = await verifyPassword(request.password, user?.password_hash ?? (await decoyHash()));
  if (!user || !passwordOk || user.disabled) throw new ServerError('unauthorized', 'sync.server.badCredentials');
  const refreshToken = newRefreshToken();
  const [device] = await store.query<{ id: string; user_id: string }>(
    `INSERT INTO devices (id, user_id, client_id, name, refresh_token_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (client_id) DO UPDATE SET name = EXCLUDED.name, refresh_token_hash = EXCLUDED.refresh_token_hash,
       last_seen_at = now()
     WHERE devices.user_id = EXCLUDED.user_id AND devices.revoked_at IS NULL
     RETURNING id, user_id`,
    [uuidv7(), user.id, request.clientId, request.deviceName, hashToken(refreshToken)],
  );
  // No row: the client id is another user's installation, or a device of theirs an admin revoked,
  // which stays revoked (the password does not undo an admin's decision; a fresh install is a new device).
  if (!device) {
    const [existing] = await store.query<{ user_id: string }>('SELECT user_id FROM devices WHERE client_id = $1', [request.clientId]);
    if (existing?.user_id === user.id) throw new ServerError('forbidden', 'sync.server.deviceRevoked');
    throw new ServerError('forbidden', 'sync.server.clientIdTaken');
  }
  const session = sessionFor(user, { id: device.id, clientId: request.clientId }, refreshToken, secret, now);
  if (request.previousClientId === undefined) return session;
  return { ...session, previousLastMutationId: await lastMutationIdOf(store, user.id, request.previousClientId) };
}

/** How far the server got with one of the user's own client ids (another user's counts as unknown: 0). */
async function lastMutationIdOf(store: SqlClient, userId: string, clientId: string): Promise<number> {
  const [row] = await store.query<{ last_mutation_id: string | number }>(
    `SELECT c.last_mutation_id FROM client_mutations c JOIN devices d ON d.client_id = c.client_id
     WHERE c.client_id = $1 AND d.user_id = $2`,
    [clientId, userId],
  );
  return row ? Number(row.last_mutation_id) : 0;
}

/** Rotates the refresh token: the old one stops working, even if two servers are asked at once. */
export async function refresh(store: SqlClient, secret: string, refreshToken: string, now: Date): Promise<LoginResponse> {
  const next = newRefreshToken();
  const [device] = await store.query<{ id: string; client_id: string; user_id: string }>(
    `UPDATE devices SET refresh_token_hash = $2, last_seen_at = now()
     WHERE refresh_token_hash = $1 AND revoked_at IS NULL RETURNING id, client_id, user_id`,
    [hashToken(refreshToken), hashToken(next)],
  );
  if (!device) throw new ServerError('unauthorized', 'sync.server.sessionExpired');
  const [user] = await store.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = $1`, [device.user_id]);
  if (!user || user.disabled) throw new ServerError('unauthorized', 'sync.server.sessionExpired');
  return sessionFor(user, { id: device.id, clientId: device.client_id }, next, secret, now);
}

export async function logout(store: SqlClient, refreshToken: string): Promise<void> {
  await store.query('UPDATE devices SET refresh_token_hash = NULL WHERE refresh_token_hash = $1', [hashToken(refreshToken)]);
}

/**
 * SQL (a boolean) for whether the device (parameter `device`) of the user (parameter `user`) may still
 * sync with a token of session generation `generation`: not revoked, the user not disabled, their password
 * not reset since the token was issued, so such a token is refused at once though unexpired. A sync
 * request asks it inside its transaction, in the same statement as what it reads first, to save a round
 * trip on every push and pull.
 */
export const activeDeviceSql = (device: string, user: string, generation: string): string =>
  `coalesce((SELECT d.revoked_at IS NULL AND u.disabled_at IS NULL AND u.session_generation = ${generation} FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = ${device} AND d.user_id = ${user}), false)`;

/** Refuses a request whose device was revoked or whose user was disabled since its token was issued. */
export function requireActive(active: boolean | undefined): void {
  if (!active) throw new ServerError('unauthorized', 'sync.server.sessionExpired');
}

/** For a route that reads nothing else first (the admin routes): one query asking `activeDeviceSql`. */
export async function requireActiveSession(store: SqlClient, claims: { deviceId: string; userId: string; gen: number }): Promise<void> {
  if (!isUuid(claims.deviceId) || !isUuid(claims.userId)) requireActive(false);
  const [row] = await store.query<{ active: boolean }>(`SELECT ${activeDeviceSql('$1::uuid', '$2::uuid', '$3::integer')} AS active`, [claims.deviceId, claims.userId, claims.gen]);
  requireActive(row?.active);
}

export interface DeviceListing {
  id: string;
  userId: string;
  username: string;
  name: string;
  clientId: string;
  createdAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
}

interface DeviceRow {
  id: string;
  user_id: string;
  username: string;
  name: string;
  client_id: string;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
}

/** Which devices to list: an admin's team over HTTP, or one user's (the server's own CLI). */
export type DeviceScope = { teamId: string } | { username: string };

export async function listDevices(store: SqlClient, scope: DeviceScope): Promise<DeviceListing[]> {
  const [where, value] = 'teamId' in scope ? ['u.team_id = $1', scope.teamId] : ['u.username = $1', scope.username];
  const rows = await store.query<DeviceRow>(
    `SELECT d.id, d.user_id, u.username, d.name, d.client_id, d.created_at, d.last_seen_at, d.revoked_at
     FROM devices d JOIN users u ON u.id = d.user_id WHERE ${where} ORDER BY u.username, d.created_at`,
    [value],
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    name: r.name,
    clientId: r.client_id,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

/**
 * Signs the device out for good: its refresh token stops working and every sync request with its
 * still-unexpired access token is refused (`activeDeviceSql`). `teamId` limits an admin over HTTP
 * to their own team; the server's CLI may revoke any device. Revoking twice keeps the first instant.
 */
export async function revokeDevice(store: SqlClient, deviceId: string, scope: { teamId?: string } = {}): Promise<void> {
  await updateDevice(store, deviceId, scope, 'revoked_at = COALESCE(d.revoked_at, now()), refresh_token_hash = NULL');
}

/**
 * An admin's decision undone: the device may sign in again with the password (it has no session until
 * it does — revoking ended its refresh token). Same scope as `revokeDevice`.
 */
export async function restoreDevice(store: SqlClient, deviceId: string, scope: { teamId?: string } = {}): Promise<void> {
  await updateDevice(store, deviceId, scope, 'revoked_at = NULL');
}

async function updateDevice(store: SqlClient, deviceId: string, scope: { teamId?: string }, assignments: string): Promise<void> {
  if (!isUuid(deviceId)) throw new ServerError('not_found', 'sync.server.noSuchDevice');
  const updated = await store.query(
    `UPDATE devices d SET ${assignments}
     FROM users u WHERE u.id = d.user_id AND d.id = $1 AND ($2::uuid IS NULL OR u.team_id = $2::uuid) RETURNING d.id`,
    [deviceId, scope.teamId ?? null],
  );
  if (updated.length === 0) throw new ServerError('not_found', 'sync.server.noSuchDevice');
}
