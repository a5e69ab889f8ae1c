/**
 * The compact pull page: lossless for any rows (through JSON, as on the wire), and a trust boundary —
 * a page that is not exactly one is refused with a `PullPageError` naming where.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText } from '../text/storable.js';
import { SYNC_LIMITS, SYNCED_TABLES, type PullResponse, type PulledRow } from './protocol.js';
import { checkPlainPullPage, decodePullPage, decodeRows, encodePullPage, encodeRows, isoInstantMs, PullPageError, type EncodedPullPage } from './pullEncoding.js';

/** As on the wire: what JSON carries (an `undefined` field is left out). */
const overTheWire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));
const roundTrip = (rows: PulledRow[]): PulledRow[] => decodeRows(overTheWire(encodeRows(rows)));

// A UUIDv7 made at a given instant, as the app makes ids: its first 48 bits are the milliseconds.
const uuidv7At = (ms: number, random: string) => {
  const hex = ms.toString(16).padStart(12, '0') + '7' + random.slice(0, 3) + '8' + random.slice(3, 18);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
const hexString = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const instantMs = fc.integer({ min: -8.64e15, max: 8.64e15 });
const plausibleMs = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
const iso = (ms: number) => new Date(ms).toISOString();

/** Text of every kind: CJK, emoji (surrogate pairs), newlines, and now and then NUL, lone surrogates, controls. */
const anyText = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 4 },
  { arbitrary: fc.string({ unit: fc.constantFrom('😀', '华', '\n', '\t', 'a', '-', 'Z', ' ') }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', '😀', 'a') }), weight: 1 },
);
const jsonValue = fc.oneof(
  anyText,
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.uuid(),
  plausibleMs.map(iso),
  instantMs.map(iso),
  fc.array(fc.uuid(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);
const fieldName = fc.oneof(fc.constantFrom('createdAt', 'updatedAt', 'deletedAt', 'accountId', 'body', 'doneAt', 'id'), fc.string({ maxLength: 10 })).filter((name) => name !== '__proto__');

/** Rows as a server sends them (its shape) or as anything might hold (arbitrary fields, ids, timestamps). */
const pulledRow: fc.Arbitrary<PulledRow> = fc
  .record({
    table: fc.constantFrom(...SYNCED_TABLES),
    createdMs: plausibleMs,
    random: hexString(18),
    plainId: fc.uuid(),
    v7: fc.boolean(),
    version: fc.nat(),
    ownerId: fc.constantFrom('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', 'ffffffff-ffff-4fff-bfff-ffffffffffff', '00000000-0000-0000-0000-000000000000'),
    shape: fc.constantFrom('server', 'tombstone', 'arbitrary'),
    updatedMs: fc.option(plausibleMs),
    fields: fc.dictionary(fieldName, jsonValue, { maxKeys: 6 }),
    holes: fc.array(fieldName, { maxLength: 2 }),
  })
  .map((r) => {
    const id = r.v7 ? uuidv7At(r.createdMs, r.random) : r.plainId;
    const data: Record<string, unknown> =
      r.shape === 'arbitrary'
        ? { ...r.fields }
        : { createdAt: iso(r.createdMs), updatedAt: iso(r.updatedMs ?? r.createdMs), ...r.fields, id, deletedAt: r.shape === 'tombstone' ? iso(r.updatedMs ?? r.createdMs) : null, revisionId: uuidv7At(r.createdMs, r.random.split('').reverse().join('')) };
    for (const hole of r.holes) delete data[hole];
    return { table: r.table, id, version: r.version, ownerId: r.ownerId, data };
  });

describe('the compact pull page', () => {
  it('gives back exactly the rows it was made of, in their order, for any rows — or refuses text no store can keep', () => {
    fc.assert(
      fc.property(fc.array(pulledRow, { maxLength: 40 }), (rows) => {
        // NUL or a lone surrogate never comes from a server (PostgreSQL refuses both): such a page is forged or broken.
        if (findUnstorableText(rows.map((row) => row.data)) === null) expect(roundTrip(rows)).toEqual(overTheWire(rows));
        else expect(() => roundTrip(rows)).toThrow(/holds a character no store can keep|has a key no store can keep/);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the whole answer: cursor, counts, owners, and fields a newer server adds', () => {
    const rows = fc.sample(pulledRow, { numRuns: 60, seed: 7 }).filter((row) => findUnstorableText(row.data) === null);
    const page = { rows, cursor: 'team:42', hasMore: true, lastMutationId: 17, resetRequired: false, total: 1234, owners: [{ id: rows[0]!.ownerId, displayName: '王小明 😀' }], priority: true } satisfies PullResponse & { priority: true };
    expect(decodePullPage(overTheWire(encodePullPage(page)))).toEqual(overTheWire(page));
  });

  it('reads and writes instants exactly as Date does, for every instant with a four-digit year', () => {
    // 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z
    const fourDigitYears = fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 });
    fc.assert(
      fc.property(fourDigitYears, fourDigitYears, (createdMs, updatedMs) => {
        expect(isoInstantMs(iso(createdMs))).toBe(createdMs);
        const row: PulledRow = { table: 'visits', id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', version: 1, ownerId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', data: { createdAt: iso(createdMs), doneAt: iso(updatedMs), plannedAt: iso(createdMs) } };
        const encoded = encodeRows([row]);
        expect(encoded.groups[0]!.columns.map((column) => column.kind)).toEqual(['instant', 'instant', 'instant']);
        expect(decodeRows(overTheWire(encoded))).toEqual([row]);
      }),
      { numRuns: 2000 },
    );
    for (const [text, ms] of [
      ['1970-01-01T00:00:00.000Z', 0],
      ['0000-01-01T00:00:00.000Z', -62_167_219_200_000],
      ['9999-12-31T23:59:59.999Z', 253_402_300_799_999],
      ['2024-02-29T12:00:00.000Z', Date.UTC(2024, 1, 29, 12)],
      ['2000-02-29T00:00:00.000Z', Date.UTC(2000, 1, 29)],
    ] as const) {
      expect(isoInstantMs(text)).toBe(ms);
    }
    // Anything toISOString() would not have written goes as text, unchanged.
    for (const text of ['2026-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-11-31T00:00:00.000Z', '2026-11-23T24:00:00.000Z', '2026-11-23T09:60:00.000Z', '2026-11-23T09:15:00Z', '2026-11-23T09:15:00.000z', '2026-11-23 09:15:00.000Z', '+002026-11-23T09:15:00.000Z', '2026-11-23T09:15:00.000+00:00', '２０２６-11-23T09:15:00.000Z', '2026-00-10T09:15:00.000Z', '2026-11-00T09:15:00.000Z', '2026-11-23T09:15:0a.000Z']) {
      expect(isoInstantMs(text), text).toBeNull();
      const row: PulledRow = { table: 'notes', id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', version: 1, ownerId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', data: { createdAt: text } };
      expect(roundTrip([row])).toEqual([row]);
    }
  });

  it('sends a server row without repeating its id, its owner or its time', () => {
    const createdMs = Date.UTC(2026, 10, 23, 9, 15);
    const id = uuidv7At(createdMs, 'abcdef0123456789ab');
    const owner = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    const rows: PulledRow[] = [0, 1].map((i) => ({
      table: 'notes',
      id: i === 0 ? id : uuidv7At(createdMs + 60_000, '0123456789abcdef01'),
      version: 41 + i,
      ownerId: owner,
      data: { createdAt: iso(createdMs + i * 60_000), updatedAt: iso(createdMs + i * 60_000), accountId: owner, body: '见了采购', id: i === 0 ? id : uuidv7At(createdMs + 60_000, '0123456789abcdef01'), deletedAt: null },
    }));
    const encoded = encodeRows(rows);
    expect(encoded.owners).toEqual([owner]);
    expect(encoded.versions).toEqual([41, 1]);
    expect(encoded.runs).toEqual([0, 2]);
    const [group] = encoded.groups;
    // A UUIDv7 made when the row was: its 12 hex digits of milliseconds are the row's createdAt, not sent again.
    expect(group).toMatchObject({ table: 'notes', idInData: true, owners: [0, 0], ids: rows.map((row) => row.id.replaceAll('-', '').slice(12)) });
    expect(group!.columns.map((c) => [c.name, c.kind])).toEqual([['createdAt', 'instant'], ['updatedAt', 'instant'], ['accountId', 'uuid'], ['body', 'value'], ['deletedAt', 'value']]);
    expect(group!.columns[0]!.values).toEqual([createdMs, 60_000]);
    expect(group!.columns[1]!.values).toEqual([0, 0]);
    expect(group!.columns[2]!.values).toEqual(['0190a1b2c3d47e5f8a6b7c8d9e0f1a2b', '0190a1b2c3d47e5f8a6b7c8d9e0f1a2b']);
  });

  it('sends as UUIDs exactly the lower-case UUIDs (checked by hand, not by the pattern), and the rest as they are', () => {
    const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const uuid = '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
    const nearly = [
      uuid,
      uuid.toUpperCase(),
      uuid.replace('a', 'g'),
      uuid.replace('7', '\uff17'), // a full-width digit
      uuid.replace('7', '\u0137'), // a code unit whose low byte is '7'
      `${uuid.slice(0, 7)}-${uuid.slice(7, 8)}${uuid.slice(9)}`, // a dash one place early
      `${uuid}\n`,
      uuid.slice(0, 35),
      uuid.replaceAll('-', 'x'),
      '/'.repeat(8) + uuid.slice(8),
      ':'.repeat(8) + uuid.slice(8),
      '`'.repeat(8) + uuid.slice(8),
      'g'.repeat(8) + uuid.slice(8),
    ];
    for (const value of nearly) {
      const rows: PulledRow[] = [0, 1].map((i) => ({ table: 'visits', id: uuidv7At(Date.UTC(2026, 0, 1) + i, 'abcdef0123456789ab'), version: i + 1, ownerId: uuid, data: { contactId: i === 0 ? uuid : value, contactIds: [uuid, value] } }));
      const [group] = encodeRows(rows).groups;
      expect([value, group!.columns.map((c) => c.kind)]).toEqual([value, pattern.test(value) ? ['uuid', 'uuids'] : ['value', 'value']]);
      expect(roundTrip(rows)).toEqual(rows);
    }
  });
});

/** A small valid page to break in one place at a time. */
function validPage(): EncodedPullPage {
  const createdMs = Date.UTC(2026, 10, 23, 9, 15);
  const rows: PulledRow[] = ['notes', 'accounts', 'notes'].map((table, i) => {
    const id = uuidv7At(createdMs + i, `${i}`.repeat(18));
    return { table: table as PulledRow['table'], id, version: 10 + i, ownerId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', data: { createdAt: iso(createdMs + i), body: `note ${i}`, tags: ['a'], id, deletedAt: null } };
  });
  return overTheWire(encodePullPage({ rows, cursor: 'team:12', hasMore: false, lastMutationId: 3, resetRequired: false, owners: [] })) as EncodedPullPage;
}

describe('a hostile or broken compact page is refused whole, naming where', () => {
  const refused = (change: (page: EncodedPullPage & Record<string, unknown>) => void, where: RegExp) => {
    const page = validPage() as EncodedPullPage & Record<string, unknown>;
    change(page);
    expect(() => decodePullPage(page)).toThrow(PullPageError);
    expect(() => decodePullPage(page)).toThrow(where);
  };

  it('decodes the valid page it starts from', () => {
    expect(decodePullPage(validPage()).rows.map((row) => row.table)).toEqual(['notes', 'accounts', 'notes']);
  });

  it('refuses wrong lengths', () => {
    refused((p) => p.rows.versions.pop(), /^rows\.runs: more rows than the 2 versions/);
    refused((p) => p.rows.versions.push(1), /^rows\.runs: 3 rows where the versions say 4/);
    refused((p) => p.rows.groups[0]!.ids.pop(), /^rows\.groups\[0\]\.ids: 1 entries where 2 were expected/);
    refused((p) => p.rows.groups[1]!.owners.push(0), /^rows\.groups\[1\]\.owners: 2 entries/);
    refused((p) => p.rows.groups[0]!.columns[1]!.values.push('more'), /^rows\.groups\[0\]\.columns\[1\]\.values: 3 entries/);
    refused((p) => p.rows.runs.push(0), /^rows\.runs: not pairs/);
    refused((p) => (p.rows.runs[1] = 0), /^rows\.runs\[1\]: an empty run/);
    refused((p) => (p.rows.versions = new Array(SYNC_LIMITS.pullPageMax + 1).fill(1)), /more than 5000 rows/);
  });

  it('refuses an unknown table, a second group of one table, and group or owner indexes out of range', () => {
    refused((p) => ((p.rows.groups[1] as { table: string }).table = 'users'), /^rows\.groups\[1\]\.table: not a synced table \("users"\)/);
    refused((p) => ((p.rows.groups[1] as { table: string }).table = 'notes'), /^rows\.groups\[1\]\.table: notes has a second group/);
    refused((p) => (p.rows.runs[0] = 2), /^rows\.runs\[0\]: not a whole number from 0 to 1/);
    refused((p) => (p.rows.groups[0]!.owners[1] = 1), /^rows\.groups\[0\]\.owners\[1\]: not a whole number from 0 to 0/);
  });

  it('refuses bad types', () => {
    refused((p) => ((p as Record<string, unknown>).rows = []), /^rows: not an object/);
    refused((p) => ((p as Record<string, unknown>).hasMore = 'yes'), /^hasMore: not true or false/);
    refused((p) => ((p as Record<string, unknown>).cursor = 12), /^cursor: not text/);
    refused((p) => ((p.rows.groups[0]!.columns[0] as { kind: string }).kind = 'date'), /^rows\.groups\[0\]\.columns\[0\]\.kind: not value, instant, uuid or uuids/);
    refused((p) => (p.rows.groups[0]!.columns[0]!.values[0] = '2026-11-23T09:15:00.000Z'), /columns\[0\]\.values\[0\]: not a whole number of milliseconds/);
    refused((p) => (p.rows.groups[0]!.ids[0] = 'not-a-uuid'), /^rows\.groups\[0\]\.ids\[0\]: not a UUID in hex digits/);
    refused((p) => (p.rows.groups[0]!.ids[0] = 'ABCDEF0123456789ABCDEF0123456789'), /ids\[0\]: not a UUID/);
    refused((p) => (p.rows.owners[0] = 'owner'), /^rows\.owners\[0\]: not a lower-case UUID/);
    refused((p) => ((p.rows.groups[0] as { idInData: unknown }).idInData = 1), /idInData: not true or false/);
    const deep = Array.from({ length: SYNC_LIMITS.bodyDepth }).reduce<unknown>((inner) => [inner], 'x');
    refused((p) => (p.rows.groups[0]!.columns[1]!.values[0] = { deep }), /values\[0\]: nested deeper than 32/);
    refused((p) => ((p as Record<string, unknown>).extra = { nested: true }), /^extra: not a plain value/);
  });

  it('refuses huge numbers', () => {
    refused((p) => (p.rows.versions[0] = 2 ** 60), /^rows\.versions\[0\]: not a whole number/);
    refused((p) => (p.rows.versions[1] = Number.MAX_SAFE_INTEGER), /^rows\.versions\[1\]: a version below 0 or beyond/);
    refused((p) => (p.rows.versions[1] = -100), /^rows\.versions\[1\]: a version below 0/);
    refused((p) => (p.rows.groups[0]!.columns[0]!.values[0] = 8.64e15 + 1), /columns\[0\]\.values\[0\]: an instant beyond the calendar/);
    refused((p) => (p.rows.groups[0]!.columns[0]!.values[1] = 1.5), /not a whole number of milliseconds/);
    refused((p) => ((p as Record<string, unknown>).lastMutationId = 1e300), /^lastMutationId: not a whole number/);
  });

  it('refuses NUL and lone surrogates wherever text is: values, nested values, field names, the cursor, owner names', () => {
    refused((p) => (p.rows.groups[0]!.columns[1]!.values[0] = 'met the buyer\u0000'), /^rows\.groups\[0\]\.columns\[1\]\.values\[0\]: holds a character no store can keep/);
    refused((p) => (p.rows.groups[0]!.columns[1]!.values[1] = 'broken \ud83d'), /columns\[1\]\.values\[1\]: holds a character/);
    refused((p) => (p.rows.groups[0]!.columns[2]!.values[0] = ['ok', 'lone \udc00']), /columns\[2\]\.values\[0\]\[1\]: holds a character/);
    refused((p) => (p.rows.groups[0]!.columns[1]!.name = 'bo\u0000dy'), /columns\[1\]\.name: holds a character/);
    refused((p) => ((p as Record<string, unknown>).cursor = 'team:\ud800'), /^cursor: holds a character/);
    refused((p) => ((p as Record<string, unknown>).owners = [{ id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', displayName: 'x\u0000' }]), /^owners\[0\]\.displayName: holds a character/);
  });

  it('refuses a field that would reach an object prototype, or a field twice', () => {
    refused((p) => (p.rows.groups[0]!.columns[1]!.name = '__proto__'), /columns\[1\]\.name: "__proto__" cannot be a field here/);
    refused((p) => (p.rows.groups[0]!.columns[2]!.name = 'body'), /columns\[2\]\.name: "body" cannot be a field here/);
    refused((p) => (p.rows.groups[0]!.columns[2]!.name = 'id'), /columns\[2\]\.name: "id" cannot be a field here/);
  });

  it('refuses a row twice in one page, in either form', () => {
    const page = decodePullPage(validPage());
    page.rows.push({ ...page.rows[0]!, version: page.rows.at(-1)!.version + 1 });
    const where = new RegExp(`^rows\\[${page.rows.length - 1}\\]: ${page.rows[0]!.table}/${page.rows[0]!.id} a second time`);
    expect(() => decodePullPage(overTheWire(encodePullPage(page)))).toThrow(where);
    expect(() => checkPlainPullPage(overTheWire(page))).toThrow(where);
    expect(checkPlainPullPage(overTheWire(decodePullPage(validPage())))).toEqual(decodePullPage(validPage()));
  });

  it('refuses absent markers out of order, out of range or beside a value', () => {
    refused((p) => {
      p.rows.groups[0]!.columns[1]!.values = [null, null];
      p.rows.groups[0]!.columns[1]!.absent = [1, 0];
    }, /absent\[1\]: not a row of the group, in order/);
    refused((p) => (p.rows.groups[0]!.columns[1]!.absent = [2]), /absent\[0\]: not a row of the group/);
    refused((p) => (p.rows.groups[0]!.columns[1]!.absent = [0]), /columns\[1\]\.values\[0\]: a value for an absent field/);
  });

  it('whatever a page holds, decoding either gives rows or refuses it with a PullPageError', () => {
    const valid = JSON.stringify(validPage());
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.string({ minLength: 1, maxLength: 3 }), (at, text) => {
        let page: unknown;
        try {
          page = JSON.parse(valid.slice(0, at) + text + valid.slice(at + 1));
        } catch {
          return;
        }
        try {
          decodePullPage(page);
        } catch (error) {
          expect(error).toBeInstanceOf(PullPageError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
