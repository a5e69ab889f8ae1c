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
 * millisecond differences; `uuid`: lower-case UUIDs as hex digits; `uuids`: lists of them (a visit's
 * contacts met), each as 32 hex digits.
 */
export type ColumnKind = 'value' | 'instant' | 'uuid' | 'uuids';

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
/** The range of a JavaScript Date (±100,000,000 days from 1970). */
const MAX_INSTANT_MS = 8.64e15;
/** Below 2^48 ms (the year 10889) an instant is the 12 hex digits a UUIDv7 starts with. */
const UUID_TIME_LIMIT = 2 ** 48;
const TABLES: ReadonlySet<string> = new Set(SYNCED_TABLES);

// ---------------------------------------------------------------------------------------------------
// Instants and UUIDs, by hand: a first sync has ~600,000 instants and ~800,000 UUIDs, and `Date.parse`
// with `toISOString()` on each costs more than the rest of the encoding together.

const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const HEX2 = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** 0000-01-01T00:00:00.000Z and 10000-01-01T00:00:00.000Z: the instants `toISOString()` writes with four-digit years. */
const FOUR_DIGIT_YEARS = [-62_167_219_200_000, 253_402_300_800_000] as const;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** `YYYY-MM-DDT` of a day since 1970-01-01 (H. Hinnant's civil_from_days), for years 0–9999. */
function civilPrefix(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m5 = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * m5 + 2) / 5) + 1;
  const month = m5 < 10 ? m5 + 3 : m5 - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${PAD2[Math.floor(year / 100)]}${PAD2[year % 100]}-${PAD2[month]}-${PAD2[day]}T`;
}

/** Two digits at `at` as a number, or NaN. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/**
 * The milliseconds of an instant written exactly as `toISOString()` writes it with a four-digit year
 * (`2026-11-23T09:15:00.000Z`), else null: only such text goes as a number, so it comes back the same.
 */
export function isoInstantMs(value: unknown): number | null {
  if (typeof value !== 'string' || value.length !== 24) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58 || value.charCodeAt(19) !== 46 || value.charCodeAt(23) !== 90) return null;
  const year = digits2(value, 0) * 100 + digits2(value, 2);
  const month = digits2(value, 5);
  const day = digits2(value, 8);
  const hours = digits2(value, 11);
  const minutes = digits2(value, 14);
  const seconds = digits2(value, 17);
  const millis = digits2(value, 20) * 10 + value.charCodeAt(22) - 48;
  const millisLast = value.charCodeAt(22) - 48;
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && hours <= 23 && minutes <= 59 && seconds <= 59 && millisLast >= 0 && millisLast <= 9 && millis >= 0)) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!)) return null;
  return daysFromCivil(year, month, day) * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/**
 * Writes instants as `toISOString()` does (and throws as it does beyond a Date's range), remembering the
 * last day's date (instants of a column come in runs of days).
 */
export class InstantWriter {
  private day = Number.NaN;
  private prefix = '';

  write(ms: number): string {
    if (!(ms >= FOUR_DIGIT_YEARS[0] && ms < FOUR_DIGIT_YEARS[1])) return new Date(ms).toISOString();
    const day = Math.floor(ms / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.prefix = civilPrefix(day);
    }
    const time = ms - day * DAY_MS;
    const seconds = Math.floor(time / 1000);
    const minutes = Math.floor(seconds / 60);
    return `${this.prefix}${PAD2[Math.floor(minutes / 60)]}:${PAD2[minutes % 60]}:${PAD2[seconds % 60]}.${PAD3[time % 1000]}Z`;
  }
}

/** The 12 hex digits a UUIDv7 made at `ms` starts with; null outside 0 ≤ ms < 2^48. */
function timeHex(ms: number): string | null {
  if (!(ms >= 0 && ms < UUID_TIME_LIMIT)) return null;
  const high = Math.floor(ms / 0x1_0000_0000);
  const low = ms - high * 0x1_0000_0000;
  return HEX2[high >>> 8]! + HEX2[high & 0xff]! + HEX2[Math.floor(low / 0x100_0000)]! + HEX2[(low >>> 16) & 0xff]! + HEX2[(low >>> 8) & 0xff]! + HEX2[low & 0xff]!;
}

/** Only the digits 0–9 and a–f (a loop: quicker than a regular expression on ~800,000 short strings a first sync). */
function isHex(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function isUuidList(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isUuid(item)) return false;
  return true;
}

/** 1 for each UTF-16 code unit that is a lower-case hex digit (0–9, a–f). */
const LOWER_HEX = new Uint8Array(0x1_0000);
for (const digit of '0123456789abcdef') LOWER_HEX[digit.charCodeAt(0)] = 1;

function lowerHexFrom(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (LOWER_HEX[text.charCodeAt(i)] !== 1) return false;
  return true;
}

/**
 * A lower-case UUID: what `UUID` matches, checked by hand (twice as quick as the regular expression,
 * which the encoder would run on ~800,000 values a first sync).
 */
function isUuid(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length === 36 &&
    value.charCodeAt(8) === 45 &&
    value.charCodeAt(13) === 45 &&
    value.charCodeAt(18) === 45 &&
    value.charCodeAt(23) === 45 &&
    lowerHexFrom(value, 0, 8) &&
    lowerHexFrom(value, 9, 13) &&
    lowerHexFrom(value, 14, 18) &&
    lowerHexFrom(value, 19, 23) &&
    lowerHexFrom(value, 24, 36)
  );
}

/**
 * A UUID's 32 hex digits, 20 when it starts with `prefix` (the row's `createdAt` in a UUIDv7's 12 hex
 * digits, written `xxxxxxxx-xxxx` as the UUID has them: `uuidTimePrefix`).
 */
function compactUuid(u: string, prefix: string | null): string {
  // One string made from its code units: four times as quick as joining five slices, and flat for JSON.stringify.
  if (prefix !== null && u.startsWith(prefix)) {
    return String.fromCharCode(
      u.charCodeAt(14), u.charCodeAt(15), u.charCodeAt(16), u.charCodeAt(17), u.charCodeAt(19), u.charCodeAt(20), u.charCodeAt(21), u.charCodeAt(22),
      u.charCodeAt(24), u.charCodeAt(25), u.charCodeAt(26), u.charCodeAt(27), u.charCodeAt(28), u.charCodeAt(29), u.charCodeAt(30), u.charCodeAt(31),
      u.charCodeAt(32), u.charCodeAt(33), u.charCodeAt(34), u.charCodeAt(35),
    );
  }
  return String.fromCharCode(
    u.charCodeAt(0), u.charCodeAt(1), u.charCodeAt(2), u.charCodeAt(3), u.charCodeAt(4), u.charCodeAt(5), u.charCodeAt(6), u.charCodeAt(7),
    u.charCodeAt(9), u.charCodeAt(10), u.charCodeAt(11), u.charCodeAt(12), u.charCodeAt(14), u.charCodeAt(15), u.charCodeAt(16), u.charCodeAt(17),
    u.charCodeAt(19), u.charCodeAt(20), u.charCodeAt(21), u.charCodeAt(22), u.charCodeAt(24), u.charCodeAt(25), u.charCodeAt(26), u.charCodeAt(27),
    u.charCodeAt(28), u.charCodeAt(29), u.charCodeAt(30), u.charCodeAt(31), u.charCodeAt(32), u.charCodeAt(33), u.charCodeAt(34), u.charCodeAt(35),
  );
}

/** The first 13 characters (`xxxxxxxx-xxxx`) of a UUIDv7 made at `ms`; null outside 0 ≤ ms < 2^48. */
function uuidTimePrefix(ms: number): string | null {
  const hex = timeHex(ms);
  return hex === null ? null : `${hex.slice(0, 8)}-${hex.slice(8)}`;
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
  const versions: number[] = new Array(rows.length);
  let previousVersion = 0;
  let lastGroup = -1;
  rows.forEach((row, i) => {
    if (!isUuid(row.id)) throw new Error(`row id ${JSON.stringify(row.id)} is not a lower-case UUID`);
    let group = groupIndex.get(row.table);
    if (group === undefined) {
      group = groups.length;
      groupIndex.set(row.table, group);
      groups.push({ table: row.table, rows: [] });
    }
    groups[group]!.rows.push(row);
    if (group === lastGroup) runs[runs.length - 1]! += 1;
    else runs.push(group, 1);
    lastGroup = group;
    versions[i] = row.version - previousVersion;
    previousVersion = row.version;
    if (!ownerIndex.has(row.ownerId)) {
      if (!isUuid(row.ownerId)) throw new Error(`owner id ${JSON.stringify(row.ownerId)} is not a lower-case UUID`);
      ownerIndex.set(row.ownerId, owners.length);
      owners.push(row.ownerId);
    }
  });
  return { owners, runs, versions, groups: groups.map((group) => encodeGroup(group, ownerIndex)) };
}

function sameKeys(keys: readonly string[], other: readonly string[]): boolean {
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i += 1) if (keys[i] !== other[i]) return false;
  return true;
}

function encodeGroup({ table, rows }: GroupBuilder, ownerIndex: ReadonlyMap<string, number>): EncodedGroup {
  const size = rows.length;
  let idInData = true;
  const names: string[] = [];
  const seen = new Set<string>();
  // The data's own enumerable fields, in order (what `for…in` with `Object.hasOwn` lists); a row with the
  // same fields as the row before (most rows of a table) adds none.
  let previous: string[] = [];
  for (const row of rows) {
    if (idInData && !(Object.hasOwn(row.data, 'id') && row.data.id === row.id)) idInData = false;
    const keys = Object.keys(row.data);
    if (sameKeys(keys, previous)) continue;
    previous = keys;
    for (const name of keys) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  if (idInData) names.splice(names.indexOf('id'), 1);
  // The anchor first: every other instant and UUID of a row is told relative to it.
  const anchorAt = names.indexOf(ANCHOR);
  if (anchorAt > 0) names.unshift(...names.splice(anchorAt, 1));
  const anchor = anchorAt >= 0 ? encodeColumn(ANCHOR, rows, null) : null;
  const anchorMs = anchor?.kind === 'instant' ? anchor.ms : null;
  const anchorTexts = anchorMs === null ? null : anchor!.raw;
  const prefixes: Array<string | null> = new Array(size);
  for (let r = 0; r < size; r += 1) prefixes[r] = anchorMs === null ? null : uuidTimePrefix(anchorMs[r]!);
  const ownersOfRows: number[] = new Array(size);
  const ids: string[] = new Array(size);
  for (let r = 0; r < size; r += 1) {
    ownersOfRows[r] = ownerIndex.get(rows[r]!.ownerId)!;
    ids[r] = compactUuid(rows[r]!.id, prefixes[r]!);
  }
  const columns = names.map((name) => (anchor && name === ANCHOR ? anchor.column : encodeColumn(name, rows, { ms: anchorMs, texts: anchorTexts, prefixes }).column));
  return { table, ids, owners: ownersOfRows, idInData, columns };
}

/**
 * One field of every row of a group. `anchor` null: this is the anchor (`createdAt`), each instant
 * relative to the previous row's; otherwise instants relative to the row's anchor, UUIDs compacted by it.
 */
function encodeColumn(
  name: string,
  rows: readonly PulledRow[],
  anchor: { ms: Float64Array | null; texts: readonly unknown[] | null; prefixes: ReadonlyArray<string | null> } | null,
): { column: EncodedColumn; kind: ColumnKind; ms: Float64Array; raw: unknown[] } {
  const size = rows.length;
  const raw: unknown[] = new Array(size);
  const ms = new Float64Array(size).fill(Number.NaN);
  const absent: number[] = [];
  // A field named like something every object inherits (`toString`) is read only when the row has it.
  const inherited = name in Object.prototype;
  let uuids = true;
  let lists = true;
  let instants = true;
  let any = false;
  for (let r = 0; r < size; r += 1) {
    const data = rows[r]!.data;
    const value = inherited && !Object.hasOwn(data, name) ? undefined : data[name];
    if (value === undefined) {
      // `undefined` in data is what JSON leaves out: the field is absent (also when it is a key).
      absent.push(r);
      raw[r] = null;
      continue;
    }
    raw[r] = value;
    if (value === null) continue;
    any = true;
    if (uuids && !isUuid(value)) uuids = false;
    if (lists && !isUuidList(value)) lists = false;
    if (instants) {
      // The row's createdAt text again (an untouched row's updatedAt): its milliseconds are known.
      const at = anchor !== null && anchor.texts !== null && value === anchor.texts[r] ? anchor.ms![r]! : isoInstantMs(value);
      if (at === null) instants = false;
      else ms[r] = at;
    }
  }
  const kind: ColumnKind = anchor === null ? (instants ? 'instant' : uuids && any ? 'uuid' : 'value') : !any ? 'value' : uuids ? 'uuid' : instants ? 'instant' : lists ? 'uuids' : 'value';
  let values = raw;
  if (kind === 'uuid') {
    values = new Array(size);
    for (let r = 0; r < size; r += 1) values[r] = raw[r] === null ? null : compactUuid(raw[r] as string, anchor?.prefixes[r] ?? null);
  } else if (kind === 'uuids') {
    values = new Array(size);
    for (let r = 0; r < size; r += 1) values[r] = raw[r] === null ? null : (raw[r] as string[]).map((uuid) => compactUuid(uuid, null));
  } else if (kind === 'instant') {
    values = new Array(size);
    let previous = 0;
    for (let r = 0; r < size; r += 1) {
      const at = ms[r]!;
      if (Number.isNaN(at)) values[r] = null;
      else if (anchor === null) {
        values[r] = at - previous;
        previous = at;
      } else {
        const base = anchor.ms?.[r];
        values[r] = at - (base === undefined || Number.isNaN(base) ? 0 : base);
      }
    }
  }
  const column: EncodedColumn = absent.length > 0 ? { name, kind, values, absent } : { name, kind, values };
  return { column, kind, ms, raw };
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
 * A JSON value of a field (`values[row]` of the column at `path`): text and keys storable, not nested
 * deeper than a request may be. Paths are made only when something is wrong (a page has ~50,000 values).
 */
function checkValue(value: unknown, path: Path, row: number): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (!isStorableText(value)) refuse([...path, 'values', row], UNSTORABLE);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse([...path, 'values', row], 'not a finite number');
  } else if (typeof value === 'object') {
    if (nestsDeeperThan(value, SYNC_LIMITS.bodyDepth)) refuse([...path, 'values', row], `nested deeper than ${SYNC_LIMITS.bodyDepth}`);
    checkNested(value, () => [...path, 'values', row]);
  } else refuse([...path, 'values', row], 'not a JSON value');
}

/** Inside an array or object value (its depth already checked). */
function checkNested(value: unknown, path: () => Path): void {
  if (typeof value === 'string') {
    if (!isStorableText(value)) refuse(path(), UNSTORABLE);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) refuse(path(), 'not a finite number');
  } else if (Array.isArray(value)) {
    value.forEach((inner, index) => checkNested(inner, () => [...path(), index]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (!isStorableText(key)) refuse(path(), 'has a key no store can keep');
      checkNested(inner, () => [...path(), key]);
    }
  } else if (value !== null && typeof value !== 'boolean') refuse(path(), 'not a JSON value');
}

const ENVELOPE: ReadonlySet<string> = new Set(['rows', 'cursor', 'hasMore', 'lastMutationId', 'resetRequired', 'total', 'owners']);

/** Decodes and checks a compact page into the `PullResponse` the rest of the client uses. */
export function decodePullPage(body: unknown): PullResponse {
  const page = recordAt(body, []);
  return withEnvelope(page, decodeRows(page.rows));
}

/**
 * Checks a page in the plain form (what an older server answers, or a proxy that drops the compact
 * form) as strictly as a compact one — every row a synced table's, ids and owners lower-case UUIDs,
 * versions whole numbers, field names and values storable and not too deep — so that answering plain
 * JSON is no way around the checks. Refused whole with a `PullPageError` naming where.
 */
export function checkPlainPullPage(body: unknown): PullResponse {
  const page = recordAt(body, []);
  const rowsIn = arrayAt(page.rows, ['rows']);
  if (rowsIn.length > SYNC_LIMITS.pullPageMax) refuse(['rows'], `more than ${SYNC_LIMITS.pullPageMax} rows`);
  const rows = rowsIn.map((value, i): PulledRow => {
    const row = recordAt(value, ['rows', i]);
    const table = row.table;
    if (typeof table !== 'string' || !TABLES.has(table)) refuse(['rows', i, 'table'], `not a synced table (${JSON.stringify(table)?.slice(0, 40)})`);
    const id = uuidAt(row.id, ['rows', i, 'id']);
    const version = countAt(row.version, ['rows', i, 'version']);
    const ownerId = uuidAt(row.ownerId, ['rows', i, 'ownerId']);
    const data = recordAt(row.data, ['rows', i, 'data']);
    for (const [name, field] of Object.entries(data)) {
      if (name === '__proto__' || name.length > 64 || !isStorableText(name)) refuse(['rows', i, 'data'], `${JSON.stringify(name.slice(0, 64))} cannot be a field here`);
      if (typeof field === 'object' && field !== null && nestsDeeperThan(field, SYNC_LIMITS.bodyDepth)) refuse(['rows', i, 'data', name], `nested deeper than ${SYNC_LIMITS.bodyDepth}`);
      checkNested(field, () => ['rows', i, 'data', name]);
    }
    return { table: table as SyncedTable, id, version, ownerId, data };
  });
  return withEnvelope(page, rows);
}

/** The answer around a page's rows: cursor, counts, owners, and plain values a newer server adds. */
function withEnvelope(page: Record<string, unknown>, rows: PulledRow[]): PullResponse {
  // A row twice in one page (the server has one row per id) would fail the laptop's write midway.
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = `${row.table}/${row.id}`;
    if (seen.has(key)) refuse(['rows', i], `${key} a second time`);
    seen.add(key);
  });
  const cursor = textAt(page.cursor, ['cursor'], 200);
  const hasMore = booleanAt(page.hasMore, ['hasMore']);
  const lastMutationId = countAt(page.lastMutationId, ['lastMutationId']);
  const resetRequired = booleanAt(page.resetRequired, ['resetRequired']);
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
  const rowOwners: string[] = new Array(size);
  for (let r = 0; r < size; r += 1) {
    const index = ownerIndexes[r];
    rowOwners[r] = typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < owners.length ? owners[index]! : refuse([...path, 'owners', r], `not a whole number from 0 to ${owners.length - 1}`);
  }
  const columnsIn = arrayAt(group.columns, [...path, 'columns']);
  const names: string[] = [];
  const columns: unknown[][] = [];
  const absents: Array<Uint8Array | null> = [];
  // The anchor column comes first when there is one (`encodeGroup`): later ones are relative to it.
  let anchor: Anchor | null = null;
  for (let c = 0; c < columnsIn.length; c += 1) {
    const at = [...path, 'columns', c];
    const record = recordAt(columnsIn[c], at);
    const name = textAt(record.name, [...at, 'name'], 64);
    if (name === '__proto__' || names.includes(name) || (idInData && name === 'id')) refuse([...at, 'name'], `${JSON.stringify(name)} cannot be a field here`);
    const isAnchor = c === 0 && name === ANCHOR && record.kind === 'instant';
    const decoded = decodeColumn(record, at, size, isAnchor, anchor);
    if (isAnchor) anchor = decoded.anchor;
    names.push(name);
    columns.push(decoded.values);
    absents.push(record.absent === undefined ? null : absentRows(record.absent, decoded.values, at, size));
  }
  const idsIn = arrayAt(group.ids, [...path, 'ids'], size);
  const ids: string[] = new Array(size);
  for (let r = 0; r < size; r += 1) {
    const id = uuidFrom(idsIn[r], anchor, r);
    ids[r] = id ?? refuse([...path, 'ids', r], NOT_HEX_UUID);
  }
  const data: Array<Record<string, unknown>> = new Array(size);
  for (let r = 0; r < size; r += 1) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c += 1) {
      if (absents[c]?.[r] !== 1) row[names[c]!] = columns[c]![r];
    }
    if (idInData) row.id = ids[r];
    data[r] = row;
  }
  return { table: table as SyncedTable, ids, owners: rowOwners, data };
}

/** Which rows lack the field: listed in order, in range, each with a null value. */
function absentRows(value: unknown, values: readonly unknown[], path: Path, size: number): Uint8Array {
  const absent = arrayAt(value, [...path, 'absent']);
  const rows = new Uint8Array(size);
  let previous = -1;
  absent.forEach((index, i) => {
    if (typeof index !== 'number' || !Number.isInteger(index) || index <= previous || index >= size) refuse([...path, 'absent', i], 'not a row of the group, in order');
    if (values[index] !== null) refuse([...path, 'values', index], 'a value for an absent field');
    rows[index] = 1;
    previous = index;
  });
  return rows;
}

/** A group's `createdAt` per row: milliseconds (NaN for none), its text, and the start of a UUIDv7 made then (`xxxxxxxx-xxxx-`), made when first needed. */
interface Anchor {
  ms: Float64Array;
  texts: unknown[];
  prefixes: Array<string | null | undefined>;
}

const NOT_HEX_UUID = 'not a UUID in hex digits';
/** The most UUIDs a list field may hold (far more than any row names). */
const MAX_LIST = 10_000;

/** The UUID a compact one stands for (see `compactUuid`); undefined when it is not one. */
function uuidFrom(value: unknown, anchor: Anchor | null, row: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length === 32) {
    if (!isHex(value)) return undefined;
    return `${value.slice(0, 8)}-${value.slice(8, 12)}-${value.slice(12, 16)}-${value.slice(16, 20)}-${value.slice(20)}`;
  }
  if (value.length !== 20 || anchor === null || !isHex(value)) return undefined;
  let prefix = anchor.prefixes[row];
  if (prefix === undefined) {
    const hex = timeHex(anchor.ms[row]!);
    prefix = anchor.prefixes[row] = hex === null ? null : `${hex.slice(0, 8)}-${hex.slice(8)}-`;
  }
  return prefix === null ? undefined : `${prefix}${value.slice(0, 4)}-${value.slice(4, 8)}-${value.slice(8)}`;
}

/** One column's values as `PulledRow.data` has them; the anchor column (`createdAt`) is read first, and its anchor is returned. */
function decodeColumn(column: Record<string, unknown>, path: Path, size: number, isAnchor: boolean, anchor: Anchor | null): { values: unknown[]; anchor: Anchor | null } {
  const values = arrayAt(column.values, [...path, 'values'], size);
  switch (column.kind) {
    case 'value': {
      // The column's text checked in one go (joined by a newline, which is storable and splits no pair); the culprit found only if it fails.
      const texts: string[] = [];
      for (let r = 0; r < size; r += 1) {
        const value = values[r];
        if (typeof value === 'string') texts.push(value);
        else checkValue(value, path, r);
      }
      if (!isStorableText(texts.join('\n'))) values.forEach((value, r) => checkValue(value, path, r));
      return { values, anchor: null };
    }
    case 'uuid': {
      const uuids: unknown[] = new Array(size);
      for (let r = 0; r < size; r += 1) {
        const value = values[r];
        uuids[r] = value === null ? null : (uuidFrom(value, anchor, r) ?? refuse([...path, 'values', r], NOT_HEX_UUID));
      }
      return { values: uuids, anchor: null };
    }
    case 'uuids': {
      const lists: unknown[] = new Array(size);
      for (let r = 0; r < size; r += 1) {
        const value = values[r];
        if (value === null) lists[r] = null;
        else if (!Array.isArray(value) || value.length > MAX_LIST) refuse([...path, 'values', r], `not a list of at most ${MAX_LIST} UUIDs`);
        else lists[r] = value.map((item, i) => (typeof item === 'string' && item.length === 32 ? uuidFrom(item, null, r) : undefined) ?? refuse([...path, 'values', r, i], NOT_HEX_UUID));
      }
      return { values: lists, anchor: null };
    }
    case 'instant': {
      const writer = new InstantWriter();
      const texts: unknown[] = new Array(size);
      const ms = new Float64Array(size).fill(Number.NaN);
      let previous = 0;
      for (let r = 0; r < size; r += 1) {
        const value = values[r];
        if (value === null) {
          texts[r] = null;
          continue;
        }
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) refuse([...path, 'values', r], 'not a whole number of milliseconds');
        const base = isAnchor ? previous : (anchor?.ms[r] ?? Number.NaN);
        const instant = (Number.isNaN(base) ? 0 : base) + value;
        if (!(Math.abs(instant) <= MAX_INSTANT_MS)) refuse([...path, 'values', r], 'an instant beyond the calendar');
        if (isAnchor) previous = instant;
        ms[r] = instant;
        // The same instant as the row's createdAt (an untouched row's updatedAt): the same text.
        texts[r] = !isAnchor && value === 0 && anchor !== null && anchor.ms[r] === instant ? anchor.texts[r] : writer.write(instant);
      }
      return { values: texts, anchor: isAnchor ? { ms, texts, prefixes: new Array(size) } : null };
    }
    default:
      refuse([...path, 'kind'], 'not value, instant, uuid or uuids');
  }
}
