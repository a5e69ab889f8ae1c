/**
 * Which team has new rows, told to every server process so each can tell the laptops connected to it
 * (`http/events.ts`); a laptop then pulls. After a push commits, its process hands the team's new
 * version to its own listeners at once and sends `NOTIFY rounds_team_changes, '<team id>:<version>'`
 * (outside the push's transaction: a NOTIFY inside it would serialise every team's commits on the
 * notification queue's lock). Each process LISTENs on one connection of its own, however many laptops
 * it serves, and hands what it hears to the listeners of that team. Bursts are coalesced both ways:
 * the notifications waiting while one NOTIFY is on its way go together in the next, and a team's
 * listeners hear only its newest version once per `coalesceMs`. Should the LISTEN connection drop,
 * every listener is told its team's current version once it listens again (what was sent meanwhile is
 * lost). On the embedded store (one process) the notifications stay in the process.
 */
import { activeDeviceSql, requireActive } from '../auth/sessions.js';
import { arrayParam, isUuid, type SqlClient } from '../store/sqlClient.js';
import type { SyncSession } from './session.js';

export const TEAM_CHANGES_CHANNEL = 'rounds_team_changes';

/** How long a team's listeners wait for more of a burst before they hear its newest version. */
export const DEFAULT_COALESCE_MS = 25;

export type TeamListener = (version: number) => void;

const PAYLOAD = /^([0-9a-f-]{36}):(\d+)$/i;

export interface TeamChangesOptions {
  coalesceMs?: number;
  /** a failed NOTIFY, a dropped LISTEN connection, a failed catch-up (logged; never thrown) */
  onError?: (error: unknown, what: 'notify' | 'listen' | 'resume') => void;
}

export class TeamChanges {
  private readonly listeners = new Map<string, Set<TeamListener>>();
  /** per team with listeners: the newest version they were told */
  private readonly told = new Map<string, number>();
  private readonly toTell = new Map<string, number>();
  private readonly toNotify = new Map<string, number>();
  private tellTimer: NodeJS.Timeout | undefined;
  private notifying: Promise<void> | undefined;
  private listening: { close(): Promise<void> } | undefined;
  private readonly coalesceMs: number;

  constructor(
    private readonly store: SqlClient,
    private readonly options: TeamChangesOptions = {},
  ) {
    this.coalesceMs = options.coalesceMs ?? DEFAULT_COALESCE_MS;
  }

  /** Starts listening (PostgreSQL: opens the LISTEN connection). */
  async start(): Promise<void> {
    this.listening = await this.store.listen(TEAM_CHANGES_CHANNEL, {
      onNotification: (payload) => this.heard(payload),
      onResumed: () => void this.resume(),
      onError: (error) => this.options.onError?.(error, 'listen'),
    });
  }

  /** A push committed: `teamId`'s version is now `version`. */
  committed(teamId: string, version: number): void {
    this.tell(teamId, version);
    const queued = this.toNotify.get(teamId) ?? 0;
    this.toNotify.set(teamId, Math.max(queued, version));
    if (!this.notifying) this.notifying = this.sendNotifications();
  }

  /** Calls `listener` with each newer version of the team; returns what stops it. */
  subscribe(teamId: string, listener: TeamListener): () => void {
    let set = this.listeners.get(teamId);
    if (!set) this.listeners.set(teamId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(teamId) === set) {
        this.listeners.delete(teamId);
        this.told.delete(teamId);
        this.toTell.delete(teamId);
      }
    };
  }

  /** How many teams have listeners here (for tests and logs). */
  get teamsListened(): number {
    return this.listeners.size;
  }

  /** Sends what is still queued, then stops listening. */
  async close(): Promise<void> {
    clearTimeout(this.tellTimer);
    await this.notifying;
    await this.listening?.close();
    this.listening = undefined;
  }

  private async sendNotifications(): Promise<void> {
    // Let the pushes finishing in this turn of the event loop join the same statement.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.toNotify.size > 0) {
      const payloads = [...this.toNotify].map(([teamId, version]) => `${teamId}:${version}`);
      this.toNotify.clear();
      try {
        await this.store.notify(TEAM_CHANGES_CHANNEL, payloads);
      } catch (error) {
        // Other processes' laptops hear of it with the team's next change, or when they next poll.
        this.options.onError?.(error, 'notify');
      }
    }
    this.notifying = undefined;
  }

  private heard(payload: string): void {
    const match = PAYLOAD.exec(payload);
    if (match) this.tell(match[1]!.toLowerCase(), Number(match[2]));
  }

  private tell(teamId: string, version: number): void {
    if (!this.listeners.has(teamId) || version <= (this.told.get(teamId) ?? 0)) return;
    this.toTell.set(teamId, Math.max(this.toTell.get(teamId) ?? 0, version));
    this.tellTimer ??= setTimeout(() => this.tellQueued(), this.coalesceMs);
  }

  private tellQueued(): void {
    this.tellTimer = undefined;
    const queued = [...this.toTell];
    this.toTell.clear();
    for (const [teamId, version] of queued) {
      if (version <= (this.told.get(teamId) ?? 0)) continue;
      this.told.set(teamId, version);
      this.callListeners(teamId, version);
    }
  }

  private callListeners(teamId: string, version: number): void {
    for (const listener of [...(this.listeners.get(teamId) ?? [])]) listener(version);
  }

  /** Listening again after a drop: every listener hears its team's current version. */
  private async resume(): Promise<void> {
    const teams = [...this.listeners.keys()];
    if (teams.length === 0) return;
    try {
      const rows = await this.store.query<{ id: string; last_version: number }>('SELECT id, last_version FROM teams WHERE id = ANY($1::uuid[])', [arrayParam(teams)]);
      for (const row of rows) {
        this.told.set(row.id, Math.max(this.told.get(row.id) ?? 0, row.last_version));
        this.callListeners(row.id, row.last_version);
      }
    } catch (error) {
      this.options.onError?.(error, 'resume');
    }
  }
}

/**
 * The team's current version, once the session's device is known to be still allowed to sync (one
 * query): what a new event stream starts from.
 */
export async function teamVersionOf(store: SqlClient, session: SyncSession): Promise<number> {
  if (!isUuid(session.teamId) || !isUuid(session.deviceId) || !isUuid(session.userId)) requireActive(false);
  const [row] = await store.query<{ last_version: number; active: boolean }>(
    `SELECT t.last_version, ${activeDeviceSql('$2::uuid', '$3::uuid', '$4::integer')} AS active FROM teams t WHERE t.id = $1::uuid`,
    [session.teamId, session.deviceId, session.userId, session.gen],
  );
  requireActive(row?.active);
  return row!.last_version;
}

/**
 * Which of these sessions may still sync (the same test as `activeDeviceSql`: device not revoked,
 * user not disabled, password not reset since the token was issued), in one query for them all: the
 * event streams' check on each heartbeat.
 */
export async function stillActiveSessions(store: SqlClient, sessions: readonly SyncSession[]): Promise<(session: SyncSession) => boolean> {
  const devices = [...new Set(sessions.map((s) => s.deviceId).filter(isUuid))];
  const rows =
    devices.length === 0
      ? []
      : await store.query<{ id: string; user_id: string; session_generation: number }>(
          `SELECT d.id, d.user_id, u.session_generation FROM devices d JOIN users u ON u.id = d.user_id
            WHERE d.id = ANY($1::uuid[]) AND d.revoked_at IS NULL AND u.disabled_at IS NULL`,
          [arrayParam(devices)],
        );
  const active = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  return (session) => {
    const row = active.get(session.deviceId.toLowerCase());
    return row !== undefined && row.user_id.toLowerCase() === session.userId.toLowerCase() && Number(row.session_generation) === session.gen;
  };
}
