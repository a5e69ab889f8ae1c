/** Teams and users, managed from the command line (`rounds user …`). */
import { uuidv7 } from 'uuidv7';
import type { UserRole } from '../core/sync/protocol.js';
import { hashPassword } from './auth/passwords.js';
import { listDevices, type DeviceListing } from './auth/sessions.js';
import { ServerError } from './errors.js';
import type { SqlClient, SqlQueryable } from './store/sqlClient.js';

/** The shortest password `rounds user add` / `reset-password` and the admin routes accept. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest: what sign-in accepts (`LoginRequest`, bounding the scrypt work a request can ask for). */
export const MAX_PASSWORD_LENGTH = 200;

/** Words that make a password guessable whatever digits or signs are put around them. */
const COMMON_WORDS = new Set([
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'letmein', 'welcome', 'admin', 'administrator', 'iloveyou', 'qwerty',
  'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball', 'master', 'secret', 'changeme', 'rounds', 'login',
]);
/** Runs people type: digits, the alphabet, keyboard rows and columns, either way round. */
const RUNS = ['01234567890123456789012', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'].flatMap(
  (run) => [run, [...run].reverse().join('')],
);
const isRun = (text: string) => text.length >= 3 && RUNS.some((run) => run.includes(text));

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordTooCommon';

/**
 * Why a new password is refused, or null: shorter than MIN_PASSWORD_LENGTH, longer than sign-in takes,
 * or common — one character or a short group repeated, a run (`123456789012`, `qwertyuiop`), or a common
 * word or run with only digits and signs around it (`password1234`, `qwertyuiop12`).
 */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'passwordTooLong';
  const lower = password.normalize('NFKC').toLowerCase();
  const compact = lower.replace(/[\s\p{P}\p{S}_]+/gu, '');
  if (/^(.{1,4})\1+$/su.test(compact) || isRun(compact)) return 'passwordTooCommon';
  const stem = compact.replace(/^\d+|\d+$/g, '');
  if (stem === '' || COMMON_WORDS.has(stem) || isRun(stem) || /^(.{1,4})\1+$/su.test(stem)) return 'passwordTooCommon';
  return null;
}

/** Refuses a new password `passwordProblem` finds fault with (the CLI says why before it gets here). */
function checkNewPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new ServerError('invalid', `sync.server.${problem}`);
}

export interface UserListing {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  teamName: string;
  disabled: boolean;
}

export interface NewUser {
  username: string;
  displayName?: string;
  role: UserRole;
  teamName: string;
  password: string;
}

async function teamIdByName(tx: SqlQueryable, name: string): Promise<string> {
  await tx.query('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [uuidv7(), name]);
  const [team] = await tx.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [name]);
  return team!.id;
}

/** Creates the user (and the team, the first time its name is used). */
export async function addUser(store: SqlClient, user: NewUser): Promise<UserListing> {
  checkNewPassword(user.password);
  const passwordHash = await hashPassword(user.password);
  return store.transaction(async (tx) => {
    const teamId = await teamIdByName(tx, user.teamName);
    const id = uuidv7();
    const inserted = await tx.query(
      `INSERT INTO users (id, team_id, username, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [id, teamId, user.username, user.displayName ?? user.username, user.role, passwordHash],
    );
    if (inserted.length === 0) throw new ServerError('invalid', 'sync.server.userExists');
    return { id, username: user.username, displayName: user.displayName ?? user.username, role: user.role, teamName: user.teamName, disabled: false };
  });
}

export async function listUsers(store: SqlClient): Promise<UserListing[]> {
  const rows = await store.query<{ id: string; username: string; display_name: string; role: UserRole; team_name: string; disabled: boolean }>(
    `SELECT u.id, u.username, u.display_name, u.role, t.name AS team_name, u.disabled_at IS NOT NULL AS disabled
     FROM users u JOIN teams t ON t.id = u.team_id ORDER BY t.name, u.username`,
  );
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, teamName: r.team_name, disabled: r.disabled }));
}

/** Disables the user and revokes every device of theirs: their tokens, access tokens too, stop working at once. */
export async function disableUser(store: SqlClient, username: string): Promise<void> {
  await store.transaction(async (tx) => {
    const [user] = await tx.query<{ id: string }>(
      'UPDATE users SET disabled_at = now(), session_generation = session_generation + 1 WHERE username = $1 RETURNING id',
      [username],
    );
    if (!user) throw new ServerError('not_found', 'sync.server.noSuchUser');
    await tx.query('UPDATE devices SET revoked_at = now(), refresh_token_hash = NULL WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
  });
}

/**
 * Sets a new password and signs the user out of every device at once: refresh tokens end, and the new
 * session generation refuses every access token issued before it (`activeDeviceSql`), unexpired or not.
 */
export async function resetPassword(store: SqlClient, username: string, password: string): Promise<void> {
  checkNewPassword(password);
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    const [user] = await tx.query<{ id: string }>(
      'UPDATE users SET password_hash = $2, session_generation = session_generation + 1 WHERE username = $1 RETURNING id',
      [username, passwordHash],
    );
    if (!user) throw new ServerError('not_found', 'sync.server.noSuchUser');
    await tx.query('UPDATE devices SET refresh_token_hash = NULL WHERE user_id = $1', [user.id]);
  });
}

/** The user's signed-in installations, revoked ones included (`rounds user devices`). */
export async function listUserDevices(store: SqlClient, username: string): Promise<DeviceListing[]> {
  const [user] = await store.query('SELECT 1 FROM users WHERE username = $1', [username]);
  if (!user) throw new ServerError('not_found', 'sync.server.noSuchUser');
  return listDevices(store, { username });
}
