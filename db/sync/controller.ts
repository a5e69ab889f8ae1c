/**
 * The sync client of one installation: signed-in state, the loop, the progress of a running pull and
 * the status the app shows. The app API (`db/service/sync.ts`) and the hosts talk to this.
 *
 * While the loop runs, a local change is pushed about 1.5 s after it (`pushSoon.ts`). Once an app
 * shows the status (`holdLiveUpdates`), the server's change stream (`events.ts`) makes it pull as soon
 * as the team has new rows, and while that stream cannot be held the loop syncs every `pollIntervalMs`
 * instead of every `intervalMs`. A command that only reads the data (rounds agenda) holds no stream,
 * which would keep its process open.
 */
import os from 'node:os';
import type { SyncStatusView } from '../../core/api/contract.js';
import type { Db } from '../connection.js';
import { countConflicts } from './conflicts.js';
import { TeamEvents, type TeamEventsOptions, type UpdatesMode } from './events.js';
import { SyncConnection, SyncError, normalizeServerUrl, type Fetch } from './http.js';
import { advanceGeneration, identityReset, previousClientId, renewAfterStaleCopy, settleInheritedOutbox } from './identity.js';
import { SyncLoop, realTimers, type Timers } from './loop.js';
import type { PullProgress } from './pull.js';
import { PushSoon } from './pushSoon.js';
import { syncOnce, type SyncPhase, type SyncReport } from './run.js';
import { countPending, onOutboxAppend } from '../synced/outbox.js';
import { readSyncState, saveOutcome, saveSignIn, saveSignOut } from './state.js';
import type { TokenStore } from './tokens.js';

export interface SyncControllerOptions {
  db: Db;
  tokens: TokenStore;
  fetch?: Fetch;
  now?: () => Date;
  /** how the server lists this device (admins revoke devices by it) */
  deviceName?: string;
  /** periodic sync while signed in and the server's change stream is held */
  intervalMs?: number;
  /** periodic sync while that stream cannot be held (an older server, a proxy that cuts it) */
  pollIntervalMs?: number;
  /** how long after a local change it is pushed, and at most after the first of a burst (`pushSoon.ts`) */
  pushQuietMs?: number;
  pushMaxWaitMs?: number;
  /** the change stream's timings (tests); `false`: no stream, the loop polls */
  events?: Partial<Pick<TeamEventsOptions, 'heartbeatTimeoutMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'maxFailures' | 'fallbackRetryMs' | 'healthyAfterMs'>> | false;
  timeoutMs?: number;
  timers?: Timers;
  random?: () => number;
  /** run the sync loop (at start when signed in, and after signing in); the CLI syncs only when told */
  autoSync?: boolean;
}

/** What one sync did, or why it failed (a `SyncError` for a failure the user can act on). */
export type SyncOutcome = { report: SyncReport; error?: undefined } | { report?: undefined; error: unknown };

const DEFAULT_INTERVAL_MS = 5 * 60_000;
const DEFAULT_POLL_INTERVAL_MS = 30_000;

export class SyncController {
  private readonly db: Db;
  private readonly loop: SyncLoop;
  private progress: PullProgress | null = null;
  /** what the last attempt learned about the server: null before the first one */
  private reachable: boolean | null = null;
  private phase: SyncPhase | null = null;
  private events: TeamEvents | null = null;
  /** an app shows the status: hold the change stream while the loop runs */
  private live = false;
  private readonly pushSoon: PushSoon;
  /** the team version the last successful sync's pull covered (null: none since start) */
  private pulledThrough: number | null = null;
  /** the highest team version the change stream announced */
  private announced: number | null = null;
  private dataVersion = 0;
  /** how the last sync (or the probe before it) ended; null while none has since `syncNowWithOutcome` asked */
  private outcome: SyncOutcome | null = null;

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
    this.pushSoon = new PushSoon(() => this.loop.request(), options.timers ?? realTimers, options.pushQuietMs, options.pushMaxWaitMs);
    onOutboxAppend(this.db, () => {
      if (this.loop.active) this.pushSoon.changed();
    });
  }

  /** Starts the loop when this installation is signed in (the app calls it once at start). */
  startIfSignedIn(): void {
    if (this.options.autoSync === false || !this.connection()) return;
    this.loop.start();
    if (this.live) this.startEvents();
  }

  /** An app window shows the sync status: from now on, hear of the team's changes as they happen. */
  holdLiveUpdates(): void {
    this.live = true;
    if (this.loop.active && !this.events) this.startEvents();
  }

  stop(): void {
    this.loop.stop();
    this.pushSoon.cancel();
    this.events?.stop();
    this.events = null;
  }

  /** Resolves once no sync runs (one requested meanwhile included). */
  async idle(): Promise<void> {
    while (this.loop.running) await this.loop.syncNow();
  }

  private startEvents(): void {
    this.events?.stop();
    this.events = null;
    if (this.options.autoSync === false) return;
    const pollMs = this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    if (this.options.events === false) {
      this.loop.setInterval(pollMs);
      return;
    }
    const liveMs = this.options.intervalMs ?? DEFAULT_INTERVAL_MS;
    const events = new TeamEvents({
      ...this.options.events,
      open: async (signal) => {
        const connection = this.connection();
        if (!connection) throw new SyncError('signed_out');
        return connection.openEvents(signal);
      },
      onVersion: (version, event) => this.announce(version, event),
      onMode: (mode: UpdatesMode) => this.loop.setInterval(mode === 'live' ? liveMs : pollMs),
      onSignedOut: (error) => {
        saveOutcome(this.db, { errorKey: error.messageKey });
        this.stop();
      },
      timers: this.options.timers ?? realTimers,
      random: this.options.random,
    });
    this.events = events;
    // Until the stream is held, the loop polls.
    this.loop.setInterval(pollMs);
    events.start();
  }

  /** The server says the team is at `version`: pull unless the last sync already covered it. */
  private announce(version: number, event: 'ready' | 'changed'): void {
    if (event === 'ready' && this.pulledThrough !== null && version < this.pulledThrough) {
      // A server put back from a backup is behind what we pulled: start counting again.
      this.pulledThrough = null;
      this.announced = version;
    } else {
      this.announced = Math.max(this.announced ?? version, version);
    }
    const behind = this.pulledThrough === null || version > this.pulledThrough;
    // The server answering is news enough to end a backoff wait.
    if (behind) this.loop.request(event === 'ready');
  }

  status(): SyncStatusView {
    const state = readSyncState(this.db);
    const signedIn = state.serverUrl !== null && this.options.tokens.load() !== null;
    const reset = identityReset(this.db);
    return {
      state: !signedIn ? 'signed_out' : this.reachable === false ? 'offline' : 'online',
      running: this.loop.running,
      ...(this.loop.running && this.phase ? { activity: this.phase } : {}),
      ...(signedIn && this.events ? { updates: this.events.mode } : signedIn && this.loop.active ? { updates: 'polling' as const } : {}),
      dataVersion: this.dataVersion,
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
    this.stop();
    this.pulledThrough = this.announced = null;
    this.startIfSignedIn();
    return this.status();
  }

  async signOut(): Promise<SyncStatusView> {
    this.stop();
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

  /**
   * "Sync now" asked by someone who waits for the answer (the app's button, `rounds sync`): runs (or
   * joins) a sync and says what it did, or why it failed — the loop itself only records a failure.
   */
  async syncNowWithOutcome(): Promise<SyncOutcome> {
    this.outcome = null;
    await this.loop.syncNow();
    return this.outcome ?? { error: new SyncError('offline') };
  }

  /** The OS reports a network again. */
  async online(): Promise<SyncStatusView> {
    await this.loop.online();
    return this.status();
  }

  /** One sync for callers that want its report (the CLI); throws on failure. */
  async runOnce(): Promise<SyncReport> {
    const connection = this.connection();
    if (!connection) {
      const error = new SyncError('signed_out');
      this.outcome = { error };
      throw error;
    }
    this.progress = { done: 0 };
    this.phase = null;
    // What the stream had announced before this sync's pull began is covered by it.
    const covering = this.announced;
    try {
      if (!this.db.memory) advanceGeneration(this.db);
      const report = await syncOnce(this.db, connection, {
        now: this.options.now,
        onProgress: (progress) => (this.progress = progress),
        // A first sync's priority rows are in: open screens reload and Today shows them while the rest arrives.
        onPriorityApplied: () => (this.dataVersion += 1),
        onPhase: (phase) => (this.phase = phase),
      });
      this.reachable = true;
      if (covering !== null) this.pulledThrough = Math.max(this.pulledThrough ?? covering, covering);
      if (report.changed > 0 || report.rejected > 0 || report.reset) this.dataVersion += 1;
      this.outcome = { report };
      return report;
    } catch (error) {
      this.outcome = { error };
      if (error instanceof SyncError && error.code === 'offline') this.reachable = false;
      if (error instanceof SyncError && error.code === 'database_copied') {
        renewAfterStaleCopy(this.db);
        this.options.tokens.clear();
      }
      if (error instanceof SyncError && (error.code === 'signed_out' || error.code === 'database_copied')) this.stop();
      throw error;
    } finally {
      this.progress = null;
      this.phase = null;
    }
  }

  private async probe(): Promise<boolean> {
    const connection = this.connection();
    this.reachable = (await connection?.health()) ?? false;
    // The loop skips a sync the probe found pointless (after a failure): that sync failed as offline.
    if (!this.reachable) this.outcome = { error: new SyncError(connection ? 'offline' : 'signed_out') };
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
