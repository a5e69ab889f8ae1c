/**
 * The client identity of one database file. The server skips mutation ids it has already processed for
 * a client id, so two files that share a client id must never issue the same ids: a backup put back, a
 * file copied to another data folder or laptop, or two laptops started from one copy would otherwise see
 * their new changes answered "duplicate" and dropped. Such a file gets a new client id (and must sign in
 * again as a new device); the outbox entries it inherited go out again under the new id, except those
 * the server already has from the old one (`settleInheritedOutbox`).
 *
 * How a copy is recognised (`confirmPlacement`): the database remembers the machine and path it was
 * opened at and a generation that changes at every open, mirrored in a file beside it. A copy elsewhere
 * has the wrong place; a backup or an old file put back in place has an old generation. As a last guard,
 * a server whose counter for this client is above any id this file ever issued (`isBehindServer`) means
 * the same thing, whatever happened to the files.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { uuidv7 } from 'uuidv7';
import type { IdentityReset } from '../../core/api/contract.js';
import type { Db } from '../connection.js';
import { statement } from '../repo/table.js';
import { maxIssuedMutationId, trimProcessed } from '../synced/outbox.js';
import { SyncError } from './http.js';
import { readSyncState } from './state.js';

/** The generation file beside a database (it moves aside and comes back with the database file itself). */
export const placementFileOf = (databasePath: string): string => `${databasePath}.placement`;

/** The OS's own id of this installation, as its tools print it (null: not found in that output). */
export function parseMachineId(platform: NodeJS.Platform, output: string): string | null {
  const pattern = platform === 'darwin' ? /"IOPlatformUUID"\s*=\s*"([^"]+)"/ : platform === 'win32' ? /MachineGuid\s+REG_SZ\s+(\S+)/ : /^\s*(\S+)\s*$/;
  return pattern.exec(output)?.[1] ?? null;
}

function readMachineId(): string | null {
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 5000, windowsHide: true });
    return result.status === 0 ? result.stdout : '';
  };
  if (process.platform === 'darwin') return parseMachineId('darwin', run('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']));
  if (process.platform === 'win32') return parseMachineId('win32', run('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid']));
  for (const file of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      const id = parseMachineId(process.platform, fs.readFileSync(file, 'utf8'));
      if (id) return id;
    } catch {
      // not this OS
    }
  }
  return null;
}

let machineId: string | undefined;
/**
 * Stable across renames and networks (a host name is not: a Mac's changes with the network, and a
 * changed "machine" would sign the rep out for nothing); the host name and home folder only where the
 * OS has no id.
 */
function machineIdentity(): string {
  machineId ??= readMachineId() ?? `${os.hostname()}\n${os.homedir()}`;
  return machineId;
}

export interface Placement {
  /** the database file (better-sqlite3's `db.name`) */
  databasePath: string;
  /** for tests: stands for another laptop */
  machineId?: string;
}

const placeOf = (placement: Placement): string => {
  let real = placement.databasePath;
  try {
    real = fs.realpathSync(placement.databasePath);
  } catch {
    // a path that does not resolve still names the place
  }
  return createHash('sha256')
    .update(`${placement.machineId ?? machineIdentity()}\n${real}`)
    .digest('hex')
    .slice(0, 32);
};

function readPlacementFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/**
 * Replaces the placement file atomically: a fresh temp name opened exclusively (`wx`: never through a
 * link planted in the folder), then renamed over whatever is there. Returns false when it could not be
 * written (a full disk, a read-only folder, a directory in its place): the generation then stays as it
 * was — copies are still recognised by place and by the server's counter — and the app keeps working.
 */
function writePlacementFile(file: string, value: string): boolean {
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    fs.writeFileSync(temp, value, { mode: 0o600, flag: 'wx' });
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isDirectory()) fs.rmSync(file, { recursive: true });
    fs.renameSync(temp, file);
    return true;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    console.warn(`Rounds: could not write ${file} (${(error as Error).message}); a copy of this database may go unrecognised until it syncs.`);
    return false;
  }
}

/**
 * Gives this file a new client id. The old id is kept with `inheritedThrough`, the highest outbox id
 * that may be the old identity's, until the next sign-in asks the server how far it got with them. If
 * an earlier renewal is still unsettled, that one stays (the identity in between never signed in, so
 * it never sent anything).
 */
export function renewClientIdentity(db: Db, reason: IdentityReset, inheritedThrough = maxIssuedMutationId(db)): void {
  // A file that never issued a change nor signed in has nothing to lose: renew it without a notice.
  const worthTelling = maxIssuedMutationId(db) > 0 || readSyncState(db).user !== null;
  statement(
    db,
    `UPDATE sync_state SET
       previous_client_id = CASE WHEN previous_client_id IS NULL THEN client_id ELSE previous_client_id END,
       previous_issued_through = CASE WHEN previous_client_id IS NULL THEN ? ELSE previous_issued_through END,
       client_id = ?, last_mutation_id = 0, identity_reset = ?
     WHERE id = 1`,
  ).run(inheritedThrough, uuidv7(), worthTelling ? reason : null);
}

/**
 * Checks that this database file is the one last opened here and renews its client identity when it is
 * not; then starts a new generation. Returns whether it renewed (the caller forgets the session: it
 * belongs to the other copy's client id).
 */
export function confirmPlacement(db: Db, placement: Placement): boolean {
  if (db.memory || db.readonly) return false;
  const file = placementFileOf(placement.databasePath);
  readSyncState(db);
  const stored = statement(db, 'SELECT placement FROM sync_state WHERE id = 1').pluck().get() as string | null;
  const beside = readPlacementFile(file);
  const place = placeOf(placement);
  let reset: IdentityReset | null = null;
  if (stored) {
    if (stored.split(':')[0] !== place) reset = 'copied';
    else if (beside !== stored) reset = 'restored';
  } else if (beside !== null) {
    // A file from before placements were kept, put where another database has been opened.
    reset = 'restored';
  }
  if (reset) renewClientIdentity(db, reset);
  startGeneration(db, place, file);
  return reset !== null;
}

/**
 * The file beside goes first: a crash before the database follows leaves the two different, which
 * costs one renewal of the identity (a sign-in), never a reused one.
 */
function startGeneration(db: Db, place: string, file: string): void {
  const next = `${place}:${randomUUID()}`;
  if (writePlacementFile(file, next)) statement(db, 'UPDATE sync_state SET placement = ? WHERE id = 1').run(next);
}

/**
 * After a backup the app makes, and before every sync: the live file moves to a new generation, so a
 * copy taken before (by the app or by hand while it ran), if it is ever put back, is recognised as an
 * older file. A copy taken after the last sync holds every id the server has seen from this file, so
 * putting it back reuses none.
 */
export function advanceGeneration(db: Db): void {
  if (db.memory) return;
  const stored = statement(db, 'SELECT placement FROM sync_state WHERE id = 1').pluck().get() as string | null | undefined;
  if (stored) startGeneration(db, stored.split(':')[0]!, placementFileOf(db.name));
}

/**
 * The server has processed ids of this client beyond anything this file issued: this file is an older
 * copy (a backup put back by hand, a copy that was not recognised). The sync stops before any of its
 * changes can be taken for duplicates (`renewAfterStaleCopy` follows).
 */
export function refuseIfBehindServer(db: Db, serverLastMutationId: number): void {
  if (serverLastMutationId > maxIssuedMutationId(db)) throw new SyncError('database_copied');
}

/**
 * The server or `refuseIfBehindServer` found this file to be an older copy after it had been working:
 * changes made since it came back are mixed with inherited ones by id, and all that is certain is that
 * what the server acknowledged to this file is gone from its outbox. So everything pending goes out again
 * under a new identity: an inherited change sent twice repeats the rep's own earlier values (a note's
 * text becomes a conflict copy, never lost), where dropping it could lose new work.
 */
export function renewAfterStaleCopy(db: Db): void {
  if (previousClientId(db) === null) renewClientIdentity(db, 'restored', readSyncState(db).lastMutationId);
}

/**
 * After signing in under a renewed identity: the server processed the old identity's ids up to
 * `previousLastMutationId`, so the inherited entries up to there are on the server (sent by this file
 * before it was copied, or by the copy it was taken from) and go; the rest are sent again.
 */
export function settleInheritedOutbox(db: Db, previousLastMutationId: number): void {
  db.transaction(() => {
    const state = statement(db, 'SELECT previous_issued_through FROM sync_state WHERE id = 1').get() as { previous_issued_through: number | null };
    if (state.previous_issued_through !== null) {
      trimProcessed(db, Math.min(state.previous_issued_through, previousLastMutationId));
    }
    statement(db, 'UPDATE sync_state SET previous_client_id = NULL, previous_issued_through = NULL, identity_reset = NULL WHERE id = 1').run();
  })();
}

export function previousClientId(db: Db): string | null {
  return statement(db, 'SELECT previous_client_id FROM sync_state WHERE id = 1').pluck().get() as string | null;
}

export function identityReset(db: Db): IdentityReset | null {
  return statement(db, 'SELECT identity_reset FROM sync_state WHERE id = 1').pluck().get() as IdentityReset | null;
}
