/**
 * The compact form of a pull page (docs/ARCHITECTURE.md "Sync"): what a new laptop's first sync moves
 * ~200,000 rows in. A client asks for it with `Accept: application/vnd.rounds.pull-columns+json`; a
 * client that does not ask (an older version) gets the plain `PullResponse` as before, in the same
 * protocol version.
 *
 * The page's rows are grouped by table, each group a list of columns (one array per field): the same
 * field of many rows sits together, which compresses far better than row after row. Nothing is sent
 * twice: the row's id is not repeated in its data, an owner is an index into the page's owner ids, a
 * version is the difference from the row before, an instant (ISO text) is milliseconds relative to the
 * row's `createdAt` (which is itself relative to the previous row's), and a UUID is its 32 hex digits —
 * 20 when it starts with the row's `createdAt` (a UUIDv7 made when the row was, as most ids are).
 * Encoding is lossless for any rows; the page order is kept (`runs`).
 *
 * Decoding is a trust boundary: anything that is not exactly such a page — a wrong length, an unknown
 * table, a wrong type, a number out of range, text no store can hold (NUL, a lone surrogate) — is
 * refused whole with a `PullPageError` naming where, before anything is applied.
 */
import { isStorableText, nestsDeeperThan } from '../text/storable.js';
import { SYNC_LIMITS, SYNCED_TABLES, type PullResponse, type PulledRow, type SyncedTable } from './protocol.js';

/** The media type a client accepts, and the server answers, for a page in this form. */
export const PULL_COLUMNS_TYPE = 'application/vnd.rounds.pull-columns+json';

/**
 * `value`: the JSON values as they are; `instant`: canonical ISO instants (`toISOString()`) as
 * millisecond differences; `uuid`: lower-case UUIDs as hex digits.
 */
export type ColumnKind = 'value' | 'instant' | 'uuid';

export interface EncodedColumn {
  /** the field of `PulledRow.data` */
  name: string;
  kind: ColumnKind;
  /** one per row of the group (null where the row has no such field) */
  values: unknown[];
  /** the group's rows (their index in it) whose data has no such field at all, in order; omitted when none */
  absent?: number[];
}

export interface EncodedGroup {
  table: SyncedTable;
  /** each row's id as a `uuid` column value */
  ids: string[];
  /** each row's owner: an index into `EncodedRows.owners` */
  owners: number[];
  /** every row's data has `id` equal to the row's id (the server's rows): then it is not a column */
  idInData: boolean;
  columns: EncodedColumn[];
}

export interface EncodedRows {
  /** the owner ids of the page's rows */
  owners: string[];
  /** the page order: `[group, count, group, count, …]`, each count ≥ 1 */
  runs: number[];
  /** each row's version minus the previous row's (the first row's minus 0), in page order */
  versions: number[];
  groups: EncodedGroup[];
}

export type EncodedPullPage = Omit<PullResponse, 'rows'> & { rows: EncodedRows };

/** A page that is not a well-formed compact page: `path` names where. */
export class PullPageError extends Error {
  override readonly name = 'PullPageError';
  constructor(
    readonly path: ReadonlyArray<string | number>,
    readonly problem: string,
  ) {
    super(`${formatPath(path)}: ${problem}`);
  }
}

function formatPath(path: ReadonlyArray<string | number>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || 'page';
}

/** The field every instant of a row is told relative to (and which is told relative to the row before). */
const ANCHOR = 'createdAt';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const HEX20 = /^[0-9a-f]{20}$/;
/** The range of a JavaScript Date (±100,000,000 days from 1970). */
const MAX_INSTANT_MS = 8.64e15;
/** Instants sent as numbers lie within ±2^52 ms (±142,000 years), so any difference of two is a safe integer; others go as text. */
const NUMBERED_INSTANT_MS = 2 ** 52;
/** Below 2^48 ms (the year 10889) an instant is the 12 hex digits a UUIDv7 starts with. */
const UUID_TIME_LIMIT = 2 ** 48;
const TABLES: ReadonlySet<string> = new Set(SYNCED_TABLES);

function compactUuid(uuid: string, anchorHex: string | null): string {
  const hex = uuid.slice(0, 8) + uuid.slice(9, 13) + uuid.slice(14, 18) + uuid.slice(19, 23) + uuid.slice(24);
  return anchorHex !== null && hex.startsWith(anchorHex) ? hex.slice(12) : hex;
}

function expandUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function anchorHexOf(ms: number | null): string | null {
  return ms !== null && ms >= 0 && ms < UUID_TIME_LIMIT ? ms.toString(16).padStart(12, '0') : null;
}

/** The instant's milliseconds when the text is exactly what `toISOString()` gives for them, else null. */
function canonicalInstantMs(value: unknown): number | null {
  if (typeof value !== 'string' || value.length < 24 || value.charCodeAt(value.length - 1) !== 90 /* Z */) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || Math.abs(ms) >= NUMBERED_INSTANT_MS || new Date(ms).toISOString() !== value ? null : ms;
}

// ---------------------------------------------------------------------------------------------------
// Encoding (the server)

interface GroupBuilder {
  table: SyncedTable;
  rows: PulledRow[];
}

export function encodePullPage(page: PullResponse): EncodedPullPage {
  return { ...page, rows: encodeRows(page.rows) };
}

/** The compact form of a page's rows. Throws on a row id or owner id that is not a lower-case UUID (never from a server). */
export function encodeRows(rows: readonly PulledRow[]): EncodedRows {
  const owners: string[] = [];
  const ownerIndex = new Map<string, number>();
  const groups: GroupBuilder[] = [];
  const groupIndex = new Map<string, number>();
  const runs: number[] = [];
  const versions: number[] = [];
  let previousVersion = 0;
  for (const row of rows) {
    if (!UUID.test(row.id)) throw new Error(`row id ${JSON.stringify(row.id)} is not a lower-case UUID`);
    let group = groupIndex.get(row.table);
    if (group === undefined) {
      group = groups.length;
      groupIndex.set(row.table, group);
      groups.push({ table: row.table, rows: [] });
    }
    groups[group]!.rows.push(row);
    if (runs.length > 0 && runs[runs.length - 2] === group) runs[runs.length - 1]! += 1;
    else runs.push(group, 1);
    versions.push(row.version - previousVersion);
    previousVersion = row.version;
    if (!ownerIndex.has(row.ownerId)) {
      if (!UUID.test(row.ownerId)) throw new Error(`owner id ${JSON.stringify(row.ownerId)} is not a lower-case UUID`);
      ownerIndex.set(row.ownerId, owners.length);
      owners.push(row.ownerId);
    }
  }
  return { owners, runs, versions, groups: groups.map((group) => encodeGroup(group, ownerIndex)) };
}

function encodeGroup({ table, rows }: GroupBuilder, ownerIndex: ReadonlyMap<string, number>): EncodedGroup {
  const idInData = rows.every((row) => Object.hasOwn(row.data, 'id') && row.data.id === row.id);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row.data)) {
      if (seen.has(name) || (idInData && name === 'id')) continue;
      seen.add(name);
      names.push(name);
    }
  }
  // The anchor first: every other instant and UUID of a row is told relative to it.
  const anchorAt = names.indexOf(ANCHOR);
  if (anchorAt > 0) names.unshift(...names.splice(anchorAt, 1));
  const anchors = anchorAt >= 0 && rows.every((row) => row.data[ANCHOR] === undefined || row.data[ANCHOR] === null || canonicalInstantMs(row.data[ANCHOR]) !== null);
  const anchorMs = rows.map((row) => (anchors ? canonicalInstantMs(row.data[ANCHOR]) : null));
  const anchorHex = anchorMs.map(anchorHexOf);
  return {
    table,
    ids: rows.map((row, i) => compactUuid(row.id, anchorHex[i]!)),
    owners: rows.map((row) => ownerIndex.get(row.ownerId)!),
    idInData,
    columns: names.map((name) => encodeColumn(name, rows, name === ANCHOR && anchors, anchorMs, anchorHex)),
  };
}

function kindOf(name: string, rows: readonly PulledRow[], isAnchor: boolean): ColumnKind {
  if (isAnchor) return 'instant';
  let instants = true;
  let uuids = true;
  let any = false;
  for (const row of rows) {
    const value = row.data[name];
    if (value === undefined || value === null) continue;
    any = true;
    if (uuids && !(typeof value === 'string' && UUID.test(value))) uuids = false;
    if (instants && canonicalInstantMs(value) === null) instants = false;
    if (!uuids && !instants) return 'value';
  }
  return !any ? 'value' : uuids ? 'uuid' : 'instant';
}

function encodeColumn(name: string, rows: readonly PulledRow[], isAnchor: boolean, anchorMs: ReadonlyArray<number | null>, anchorHex: ReadonlyArray<string | null>): EncodedColumn {
  const kind = kindOf(name, rows, isAnchor);
  const values: unknown[] = new Array(rows.length);
  const absent: number[] = [];
  let previous = 0;
  rows.forEach((row, i) => {
    const value = Object.hasOwn(row.data, name) ? row.data[name] : undefined;
    if (value === undefined) {
      // `undefined` in data is what JSON leaves out: the field is absent.
      absent.push(i);
      values[i] = null;
    } else if (value === null || kind === 'value') {
      values[i] = value;
    } else if (kind === 'uuid') {
      values[i] = compactUuid(value as string, anchorHex[i]!);
    } else if (isAnchor) {
      const ms = anchorMs[i]!;
      values[i] = ms - previous;
      previous = ms;
    } else {
      values[i] = canonicalInstantMs(value)! - (anchorMs[i] ?? 0);
    }
  });
  return absent.length > 0 ? { name, kind, values, absent } : { name, kind, values };
}

// ---------------------------------------------------------------------------------------------------
// Decoding (the client): every part checked before it is used.

type Path = Array<string | number>;

const UNSTORABLE = 'holds a character no store can keep (NUL, a lone surrogate, …)';

function refuse(path: Path, problem: string): never {
  throw new PullPageError(path, problem);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordAt(value: unknown, path: Path): Record<string, unknown> {
  if (!isRecord(value)) refuse(path, 'not an object');
  return value;
}

function arrayAt(value: unknown, path: Path, length?: number): unknown[] {
  if (!Array.isArray(value)) refuse(path, 'not an array');
  if (length !== undefined && value.length !== length) refuse(path, `${value.length} entries where ${length} were expected`);
  return value;
}

function booleanAt(value: unknown, path: Path): boolean {
  if (typeof value !== 'boolean') refuse(path, 'not true or false');
  return value;
}

function countAt(value: unknown, path: Path, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) refuse(path, `not a whole number from 0 to ${max}`);
  return value;
}

function textAt(value: unknown, path: Path, maxLength: number): string {
  if (typeof value !== 'string') refuse(path, 'not text');
  if (value.length > maxLength) refuse(path, `longer than ${maxLength} characters`);
  if (!isStorableText(value)) refuse(path, UNSTORABLE);
  return value;
}

function uuidAt(value: unknown, path: Path): string {
  if (typeof value !== 'string' || !UUID.test(value)) refuse(path, 'not a lower-case UUID');
  return value;
}

/**
 * A JSON value of a field: text and keys storable, not nested deeper than a request may be. The path
 * is only made when something is wrong (a page has ~50,000 values).
 */
function checkValue(value: unknown, path: () => Path): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (!isStorableText(value)) refuse(path(), UNSTORABLE);
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(path(), 'not a finite number');
    return;
  }
  if (typeof value !== 'object') refuse(path(), 'not a JSON value');
  if (nestsDeeperThan(value, SYNC_LIMITS.bodyDepth)) refuse(path(), `nested deeper than ${SYNC_LIMITS.bodyDepth}`);
  if (Array.isArray(value)) value.forEach((inner, index) => checkValue(inner, () => [...path(), index]));
  else {
    for (const [key, inner] of Object.entries(value)) {
      if (!isStorableText(key)) refuse(path(), 'has a key no store can keep');
      checkValue(inner, () => [...path(), key]);
    }
  }
}

const ENVELOPE: ReadonlySet<string> = new Set(['rows', 'cursor', 'hasMore', 'lastMutationId', 'resetRequired', 'total', 'owners']);

/** Decodes and checks a compact page into the `PullResponse` the rest of the client uses. */
export function decodePullPage(body: unknown): PullResponse {
  const page = recordAt(body, []);
  const cursor = textAt(page.cursor, ['cursor'], 200);
  const hasMore = booleanAt(page.hasMore, ['hasMore']);
  const lastMutationId = countAt(page.lastMutationId, ['lastMutationId']);
  const resetRequired = booleanAt(page.resetRequired, ['resetRequired']);
  const rows = decodeRows(page.rows);
  const response: PullResponse = { rows, cursor, hasMore, lastMutationId, resetRequired };
  // Fields a newer server adds (an answer's `priority: true`) pass as they are when they are plain values.
  for (const [key, extra] of Object.entries(page)) {
    if (ENVELOPE.has(key) || key === '__proto__') continue;
    if (!(typeof extra === 'boolean' || (typeof extra === 'number' && Number.isSafeInteger(extra)) || typeof extra === 'string')) refuse([key], 'not a plain value');
    if (typeof extra === 'string') textAt(extra, [key], 200);
    (response as unknown as Record<string, unknown>)[key] = extra;
  }
  if (page.total !== undefined) response.total = countAt(page.total, ['total']);
  if (page.owners !== undefined) {
    response.owners = arrayAt(page.owners, ['owners']).map((owner, i) => {
      const record = recordAt(owner, ['owners', i]);
      return { id: uuidAt(record.id, ['owners', i, 'id']), displayName: textAt(record.displayName, ['owners', i, 'displayName'], 1000) };
    });
  }
  return response;
}

interface DecodedGroup {
  table: SyncedTable;
  ids: string[];
  owners: string[];
  data: Array<Record<string, unknown>>;
}

export function decodeRows(value: unknown): PulledRow[] {
  const encoded = recordAt(value, ['rows']);
  const owners = arrayAt(encoded.owners, ['rows', 'owners']).map((owner, i) => uuidAt(owner, ['rows', 'owners', i]));
  const versions = arrayAt(encoded.versions, ['rows', 'versions']);
  if (versions.length > SYNC_LIMITS.pullPageMax) refuse(['rows', 'versions'], `more than ${SYNC_LIMITS.pullPageMax} rows`);
  const groupsIn = arrayAt(encoded.groups, ['rows', 'groups']);
  if (groupsIn.length > SYNCED_TABLES.length) refuse(['rows', 'groups'], 'more groups than tables');
  const runs = arrayAt(encoded.runs, ['rows', 'runs']);
  if (runs.length % 2 !== 0) refuse(['rows', 'runs'], 'not pairs of group and count');
  // How many rows each group has, from the page order: every group's columns must be that long.
  const sizes = new Array<number>(groupsIn.length).fill(0);
  let total = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const group = countAt(runs[i], ['rows', 'runs', i], groupsIn.length - 1);
    const count = countAt(runs[i + 1], ['rows', 'runs', i + 1], SYNC_LIMITS.pullPageMax);
    if (count === 0) refuse(['rows', 'runs', i + 1], 'an empty run');
    sizes[group]! += count;
    total += count;
    if (total > versions.length) refuse(['rows', 'runs'], `more rows than the ${versions.length} versions`);
  }
  if (total !== versions.length) refuse(['rows', 'runs'], `${total} rows where the versions say ${versions.length}`);
  const seenTables = new Set<string>();
  const groups = groupsIn.map((group, g) => decodeGroup(group, ['rows', 'groups', g], sizes[g]!, owners, seenTables));

  const rows: PulledRow[] = [];
  const next = new Array<number>(groups.length).fill(0);
  let version = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const group = groups[runs[i] as number]!;
    const end = (next[runs[i] as number]! += runs[i + 1] as number);
    for (let r = end - (runs[i + 1] as number); r < end; r += 1) {
      const at = rows.length;
      const delta = versions[at];
      if (typeof delta !== 'number' || !Number.isSafeInteger(delta)) refuse(['rows', 'versions', at], 'not a whole number');
      version += delta;
      if (!Number.isSafeInteger(version) || version < 0) refuse(['rows', 'versions', at], 'a version below 0 or beyond the largest whole number');
      rows.push({ table: group.table, id: group.ids[r]!, version, ownerId: group.owners[r]!, data: group.data[r]! });
    }
  }
  return rows;
}

function decodeGroup(value: unknown, path: Path, size: number, owners: readonly string[], seenTables: Set<string>): DecodedGroup {
  const group = recordAt(value, path);
  const table = group.table;
  if (typeof table !== 'string' || !TABLES.has(table)) refuse([...path, 'table'], `not a synced table (${JSON.stringify(table)?.slice(0, 40)})`);
  if (seenTables.has(table)) refuse([...path, 'table'], `${table} has a second group`);
  seenTables.add(table);
  const idInData = booleanAt(group.idInData, [...path, 'idInData']);
  const ownerIndexes = arrayAt(group.owners, [...path, 'owners'], size);
  const rowOwners = ownerIndexes.map((index, i) => owners[countAt(index, [...path, 'owners', i], owners.length - 1)]!);
  const columns = arrayAt(group.columns, [...path, 'columns']);
  const data: Array<Record<string, unknown>> = Array.from({ length: size }, () => ({}));
  const names = new Set<string>();
  let anchorMs: Array<number | null> = new Array<number | null>(size).fill(null);
  // The anchor column comes first when there is one (`encodeGroup`): later ones are relative to it.
  columns.forEach((column, c) => {
    const at = [...path, 'columns', c];
    const record = recordAt(column, at);
    const name = textAt(record.name, [...at, 'name'], 64);
    if (name === '__proto__' || names.has(name) || (idInData && name === 'id')) refuse([...at, 'name'], `${JSON.stringify(name)} cannot be a field here`);
    names.add(name);
    const isAnchor = c === 0 && name === ANCHOR && record.kind === 'instant';
    const decoded = decodeColumn(record, at, size, isAnchor, anchorMs);
    if (isAnchor) anchorMs = decoded.ms;
    const absent = record.absent === undefined ? [] : arrayAt(record.absent, [...at, 'absent']);
    let previous = -1;
    absent.forEach((index, i) => {
      if (typeof index !== 'number' || !Number.isInteger(index) || index <= previous || index >= size) refuse([...at, 'absent', i], 'not a row of the group, in order');
      if (decoded.values[index] !== null) refuse([...at, 'values', index], 'a value for an absent field');
      previous = index;
    });
    let skip = 0;
    for (let r = 0; r < size; r += 1) {
      if (absent[skip] === r) skip += 1;
      else data[r]![name] = decoded.values[r];
    }
  });
  const ids = arrayAt(group.ids, [...path, 'ids'], size).map((id, r) => {
    const hex = uuidHex(id, anchorMs[r]!);
    if (hex === undefined) refuse([...path, 'ids', r], NOT_HEX_UUID);
    const uuid = expandUuid(hex);
    if (idInData) data[r]!.id = uuid;
    return uuid;
  });
  return { table: table as SyncedTable, ids, owners: rowOwners, data };
}

const NOT_HEX_UUID = 'not a UUID in hex digits';

/** The 32 hex digits of a compact UUID (see `compactUuid`); undefined when it is not one. */
function uuidHex(value: unknown, anchorMs: number | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length === 32 && HEX32.test(value)) return value;
  if (value.length !== 20 || !HEX20.test(value)) return undefined;
  const prefix = anchorHexOf(anchorMs);
  return prefix === null ? undefined : prefix + value;
}

function decodeColumn(column: Record<string, unknown>, path: Path, size: number, isAnchor: boolean, anchorMs: ReadonlyArray<number | null>): { values: unknown[]; ms: Array<number | null> } {
  const values = arrayAt(column.values, [...path, 'values'], size);
  const ms = new Array<number | null>(size).fill(null);
  switch (column.kind) {
    case 'value':
      values.forEach((value, r) => checkValue(value, () => [...path, 'values', r]));
      return { values, ms };
    case 'uuid': {
      const uuids = values.map((value, r) => {
        if (value === null) return null;
        const hex = uuidHex(value, anchorMs[r]!);
        return hex === undefined ? refuse([...path, 'values', r], NOT_HEX_UUID) : expandUuid(hex);
      });
      return { values: uuids, ms };
    }
    case 'instant': {
      let previous = 0;
      const decoded = values.map((value, r) => {
        if (value === null) return null;
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) refuse([...path, 'values', r], 'not a whole number of milliseconds');
        const instant = (isAnchor ? previous : (anchorMs[r] ?? 0)) + value;
        if (!(Math.abs(instant) <= MAX_INSTANT_MS)) refuse([...path, 'values', r], 'an instant beyond the calendar');
        if (isAnchor) previous = instant;
        ms[r] = instant;
        return new Date(instant).toISOString();
      });
      return { values: decoded, ms };
    }
    default:
      refuse([...path, 'kind'], 'not value, instant or uuid');
  }
}
