/**
 * The sync client of one installation: signed-in state, the loop, the progress of a running pull and
 * the status the app shows. The app API (`db/service/sync.ts`) and the hosts talk to this.
 */
import os from 'node:os';
import type { SyncStatusView } from '../../core/api/contract.js';
import type { Db } from '../connection.js';
import { countConflicts } from './conflicts.js';
import { SyncConnection, SyncError, normalizeServerUrl, type Fetch } from './http.js';
import { advanceGeneration, identityReset, previousClientId, renewAfterStaleCopy, settleInheritedOutbox } from './identity.js';
import { SyncLoop, type Timers } from './loop.js';
import type { PullProgress } from './pull.js';
import { syncOnce, type SyncReport } from './run.js';
import { countPending } from '../synced/outbox.js';
import { readSyncState, saveSignIn, saveSignOut } from './state.js';
import type { TokenStore } from './tokens.js';

export interface SyncControllerOptions {
  db: Db;
  tokens: TokenStore;
  fetch?: Fetch;
  now?: () => Date;
  /** how the server lists this device (admins revoke devices by it) */
  deviceName?: string;
  /** periodic sync while signed in */
  intervalMs?: number;
  timeoutMs?: number;
  timers?: Timers;
  random?: () => number;
  /** run the sync loop (at start when signed in, and after signing in); the CLI syncs only when told */
  autoSync?: boolean;
}

const DEFAULT_INTERVAL_MS = 5 * 60_000;

export class SyncController {
  private readonly db: Db;
  private readonly loop: SyncLoop;
  private progress: PullProgress | null = null;
  /** what the last attempt learned about the server: null before the first one */
  private reachable: boolean | null = null;

  constructor(private readonly options: SyncControllerOptions) {
    this.db = options.db;
    // A restored or copied file got a new client id when it was opened (`confirmPlacement`); a session
    // kept from before belongs to the old one. Only forgotten here, never ended on the server: the other
    // copy may still be using it.
    if (previousClientId(this.db) !== null) options.tokens.clear();
    this.loop = new SyncLoop({
      run: () => this.runOnce(),
      reachable: () => this.probe(),
      intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
      timers: options.timers,
      random: options.random,
    });
  }

  /** Starts the loop when this installation is signed in (the app calls it once at start). */
  startIfSignedIn(): void {
    if (this.options.autoSync !== false && this.connection()) this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }

  status(): SyncStatusView {
    const state = readSyncState(this.db);
    const signedIn = state.serverUrl !== null && this.options.tokens.load() !== null;
    const reset = identityReset(this.db);
    return {
      state: !signedIn ? 'signed_out' : this.reachable === false ? 'offline' : 'online',
      running: this.loop.running,
      pending: countPending(this.db),
      lastSyncedAt: state.lastSyncedAt,
      progress: this.progress,
      lastError: state.lastError,
      serverUrl: state.serverUrl,
      user: state.user && signedIn ? { id: state.user.id, username: state.user.username, displayName: state.user.displayName, role: state.user.role, teamName: state.user.teamName } : null,
      conflicts: countConflicts(this.db),
      ...(reset ? { identityReset: reset } : {}),
    };
  }

  /** Signs in (throws `SyncError` for wrong credentials or an unreachable server), then syncs in the background. */
  async signIn(input: { serverUrl: string; username: string; password: string }): Promise<SyncStatusView> {
    const serverUrl = normalizeServerUrl(input.serverUrl);
    const connection = this.connectionTo(serverUrl);
    const previous = previousClientId(this.db) ?? undefined;
    const session = await connection.login(input.username, input.password, this.options.deviceName ?? os.hostname(), previous);
    saveSignIn(this.db, serverUrl, session.user);
    if (previous !== undefined) settleInheritedOutbox(this.db, session.previousLastMutationId ?? 0);
    this.reachable = true;
    this.loop.stop();
    this.startIfSignedIn();
    return this.status();
  }

  async signOut(): Promise<SyncStatusView> {
    this.loop.stop();
    await this.connection()?.logout();
    this.options.tokens.clear();
    saveSignOut(this.db);
    this.reachable = null;
    return this.status();
  }

  /** "Sync now": runs (or joins) a sync and returns the status after it. */
  async syncNow(): Promise<SyncStatusView> {
    await this.loop.syncNow();
    return this.status();
  }

  /** The OS reports a network again. */
  async online(): Promise<SyncStatusView> {
    await this.loop.online();
    return this.status();
  }

  /** One sync for callers that want its report (the CLI); throws on failure. */
  async runOnce(): Promise<SyncReport> {
    const connection = this.connection();
    if (!connection) throw new SyncError('signed_out');
    this.progress = { done: 0 };
    try {
      if (!this.db.memory) advanceGeneration(this.db);
      const report = await syncOnce(this.db, connection, { now: this.options.now, onProgress: (progress) => (this.progress = progress) });
      this.reachable = true;
      return report;
    } catch (error) {
      if (error instanceof SyncError && error.code === 'offline') this.reachable = false;
      if (error instanceof SyncError && error.code === 'database_copied') {
        renewAfterStaleCopy(this.db);
        this.options.tokens.clear();
      }
      if (error instanceof SyncError && (error.code === 'signed_out' || error.code === 'database_copied')) this.loop.stop();
      throw error;
    } finally {
      this.progress = null;
    }
  }

  private async probe(): Promise<boolean> {
    this.reachable = (await this.connection()?.health()) ?? false;
    return this.reachable;
  }

  private connection(): SyncConnection | null {
    const state = readSyncState(this.db);
    return state.serverUrl === null ? null : this.connectionTo(state.serverUrl);
  }

  private connectionTo(serverUrl: string): SyncConnection {
    return new SyncConnection({
      serverUrl,
      clientId: readSyncState(this.db).clientId,
      acknowledged: () => readSyncState(this.db).lastMutationId,
      tokens: this.options.tokens,
      fetch: this.options.fetch,
      now: this.options.now,
      timeoutMs: this.options.timeoutMs ?? 30_000,
    });
  }
}
