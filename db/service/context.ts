/** What every group of handlers shares: the connection, the clock, and how references are checked. */
import { ApiError } from '../../core/api/errors.js';
import { todayIn } from '../../core/calendar/day.js';
import type { Db } from '../connection.js';
import type { RuntimeResources } from '../jobs/protocol.js';
import type { SyncControllerOptions } from '../sync/controller.js';

/** What a host may choose about sync (all optional): the Electron host passes a safeStorage token store. */
export type SyncHostOptions = Partial<Omit<SyncControllerOptions, 'db'>>;

export interface ServiceDeps {
  db: Db;
  dataDir: string;
  host: 'electron' | 'browser';
  version: string;
  now?: () => Date;
  /** the language settings.get returns before the user chose one (the host reads it from the OS locale) */
  defaultLanguage?: 'zh-CN' | 'en';
  /** sync choices of the host (token store, fetch, interval); tokens default to a 0600 file in dataDir */
  sync?: SyncHostOptions;
  /** files of the host's runtime (Electron's better-sqlite3 build, the shipped CJK font) for the export workers */
  resources?: RuntimeResources;
}

export interface ServiceContext {
  deps: ServiceDeps;
  db: Db;
  now: () => Date;
  /** the current instant as a UTC ISO string, the form every stored instant has */
  stamp: () => string;
  /** today's calendar day in the user's time zone */
  today: () => string;
}

export function contextOf(deps: ServiceDeps): ServiceContext {
  const now = deps.now ?? (() => new Date());
  return { deps, db: deps.db, now, stamp: () => now().toISOString(), today: () => todayIn(undefined, now()) };
}

/** Stored instants are UTC so that they sort as strings; input may carry any offset. */
export const toUtc = (instant: string): string => new Date(instant).toISOString();

/** The row acted on must exist. */
/**
 * How long after a one-click action its Undo is still taken: the header offers it for 6 s, longer while
 * the pointer rests on it. Later an undo would delete history no other action deletes (a done visit
 * and its note), so it is refused as too late.
 */
export const UNDO_WINDOW_MS = 15 * 60_000;

/** Refuses an undo of a change made at `changedAt` once the undo window has passed. */
export function assertUndoable(changedAt: string, now: Date): void {
  if (now.getTime() - Date.parse(changedAt) > UNDO_WINDOW_MS) throw new ApiError('conflict', { messageKey: 'errors.undoTooLate' });
}

export function found<T>(row: T | undefined): T {
  if (row === undefined) throw new ApiError('not_found');
  return row;
}

/** A field of the input names a row that does not exist or belongs elsewhere. */
export function invalidReference(path: (string | number)[]): ApiError {
  return new ApiError('validation', { issues: [{ path, message: 'validation.invalidId' }] });
}

/**
 * A field names a row (a contact, visit, date or family member) that is not one of the account's own:
 * another account's, or none. The message names the field (`field`, translated by the renderer).
 */
export function foreignReference(path: [string, ...(string | number)[]]): ApiError {
  return new ApiError('validation', { issues: [{ path, message: 'validation.foreignReference' }], params: { field: path[0] } });
}
