/**
 * A pulled row's instants (`server/sync/pulledRows.ts`) are read as milliseconds, not as `Date`s, yet a
 * laptop gets exactly the text it got when they were `Date`s: PostgreSQL's microseconds (a server-set
 * `now()`) cut to the millisecond, written as `new Date(…).toISOString()` writes them — before 1970,
 * before the year 1000, BC and after 9999 too — a row's own createdAt and updatedAt winning over the
 * columns, its id and deletedAt never, in the same field order; on both stores, in both forms of a page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type PullResponse, type PulledRow } from '../../../core/sync/protocol.js';
import { decodePullPage, PULL_COLUMNS_TYPE } from '../../../core/sync/pullEncoding.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, type TestDevice, useSyncServer } from './fixture.js';

/** What a laptop got when the instants were read as `Date`s (postgres-date cuts microseconds to the millisecond). */
const asDate = (year: number, month: number, day: number, h: number, m: number, s: number, ms: number): string => {
  const date = new Date(Date.UTC(2000, month - 1, day, h, m, s, ms));
  date.setUTCFullYear(year);
  return date.toISOString();
};

interface Case {
  name: string;
  created: string;
  updated: string;
  deleted: string | null;
  /** the data's own fields besides the account's (none of createdAt/updatedAt unless given) */
  own?: Record<string, unknown>;
  expected: { createdAt: string; updatedAt: string; deletedAt: string | null };
}

const CASES: Case[] = [
  {
    name: 'server-set now(), microseconds',
    created: '2026-12-03 12:57:59.512989+00',
    updated: '2026-12-03 12:58:00.0009+00',
    deleted: '2026-12-03 12:58:01.999999+00',
    expected: { createdAt: '2026-12-03T12:57:59.512Z', updatedAt: '2026-12-03T12:58:00.000Z', deletedAt: '2026-12-03T12:58:01.999Z' },
  },
  {
    name: 'another time zone, just before 1970',
    created: '2026-03-01 07:59:59.999999+08',
    updated: '1969-12-31 23:59:59.9995+00',
    deleted: null,
    expected: { createdAt: '2026-02-28T23:59:59.999Z', updatedAt: '1969-12-31T23:59:59.999Z', deletedAt: null },
  },
  {
    name: 'years before 1000, BC and after 9999',
    created: '0500-01-01 00:00:00.123456+00',
    updated: '12000-06-01 01:02:03.0009+00',
    deleted: '0044-03-15 12:00:00.9999+00 BC',
    expected: { createdAt: asDate(500, 1, 1, 0, 0, 0, 123), updatedAt: asDate(12000, 6, 1, 1, 2, 3, 0), deletedAt: asDate(-43, 3, 15, 12, 0, 0, 999) },
  },
  {
    name: "the data's own createdAt and updatedAt win; its id and deletedAt do not",
    created: '2026-12-03 12:57:59.512989+00',
    updated: '2026-12-03 12:58:00.5+00',
    deleted: null,
    own: { createdAt: '2018-02-10T00:00:00.000Z', updatedAt: null, id: 'not the row', deletedAt: '2018-02-11T00:00:00.000Z' },
    expected: { createdAt: '2018-02-10T00:00:00.000Z', updatedAt: null as unknown as string, deletedAt: null },
  },
];

describe.each(BACKENDS)('a pulled row’s instants ($name)', (backend) => {
  let alice: TestDevice;
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north']]);
  const ids = CASES.map(() => newId());

  beforeAll(async () => {
    alice = await testServer.fixture.signIn('alice');
    await alice.push(CASES.map((c, i) => alice.mutation('accounts', ids[i]!, accountFields(c.name))));
    for (const [i, c] of CASES.entries()) {
      await testServer.fixture.store.query(
        `UPDATE sync_rows SET created_at = $2::timestamptz, updated_at = $3::timestamptz, deleted_at = $4::timestamptz,
           data = (data - 'createdAt' - 'updatedAt' - 'id' - 'deletedAt') || $5::jsonb WHERE id = $1`,
        [ids[i]!, c.created, c.updated, c.deleted, JSON.stringify(c.own ?? {})],
      );
    }
  }, 60_000);

  const pullWith = (headers: Record<string, string>) =>
    testServer.fixture.app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      payload: { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: null, limit: 100 },
      headers: { authorization: `Bearer ${alice.accessToken}`, ...headers },
    });

  /** The row as the spread of `Date`s made it: columns' instants, then the data (its own instants winning), then id and deletedAt. */
  const expectedData = async (i: number): Promise<Record<string, unknown>> => {
    const [stored] = await testServer.fixture.store.query<{ data: Record<string, unknown> }>('SELECT data FROM sync_rows WHERE id = $1', [ids[i]!]);
    const { expected } = CASES[i]!;
    return { createdAt: expected.createdAt, updatedAt: expected.updatedAt, ...stored!.data, id: ids[i], deletedAt: expected.deletedAt };
  };

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s: the same text, in the same field order, as a Date gave', async (_name, i) => {
    const plain = (await pullWith({})).json() as PullResponse;
    const row = plain.rows.find((r) => r.id === ids[i]) as PulledRow;
    const expected = await expectedData(i);
    expect(row.data).toEqual(expected);
    // The order of the fields is part of what a laptop gets (a plain page's text, a compact page's columns).
    expect(Object.keys(row.data)).toEqual(Object.keys(expected));
    expect(JSON.stringify(row.data)).toBe(JSON.stringify(expected));
  });

  it('says the same in a compact page', async () => {
    const plain = (await pullWith({})).json() as PullResponse;
    const compact = decodePullPage((await pullWith({ accept: PULL_COLUMNS_TYPE })).json());
    expect(compact.rows).toEqual(plain.rows);
    expect(plain.rows.filter((row) => ids.includes(row.id))).toHaveLength(CASES.length);
  });
});
