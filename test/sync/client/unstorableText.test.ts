/**
 * Text that cannot be stored (NUL, lone surrogates, noncharacters) on the laptop: refused at every input
 * with `validation.invalidCharacter` on the field, changing nothing; an import row holding it is an
 * invalid row; and an outbox entry holding it (written by a version that let it through) is rejected
 * on the laptop instead of failing every push of its batch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../../db/repo/accounts.js';
import { insertNote } from '../../../db/repo/notes.js';
import { createHarness } from '../../../db/testing/harness.js';
import { useTempDir } from '../../../db/testing/tempDir.js';
import { syncOnce } from '../../../db/sync/run.js';
import { countPending } from '../../../db/synced/outbox.js';
import { listRejected } from '../../../db/sync/state.js';
import type { Mutation } from '../../../core/sync/protocol.js';
import { closeDevices, createDevice } from './device.js';
import { FakeSyncServer } from './fakeServer.js';

const NOW = '2026-11-23T02:00:00.000Z';
const invalidCharacter = (path: Array<string | number>) => ({ code: 'validation', issues: [{ path, message: 'validation.invalidCharacter' }] });
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('the app API refuses text it cannot store', () => {
  const tempDir = useTempDir();

  it('names the field, with the translated key, and writes nothing (no row, no outbox entry)', async () => {
    const h = createHarness(tempDir());
    const account = await h.call('accounts.create', { name: '华东精密', tier: 'A' });
    const before = h.snapshot();
    expect(await h.fail('notes.create', { accountId: account.id, body: 'met the buyer\u0000' })).toMatchObject(invalidCharacter(['body']));
    expect(await h.fail('accounts.update', { id: account.id, patch: { name: 'Broken \ud83d' } })).toMatchObject(invalidCharacter(['patch', 'name']));
    expect(await h.fail('accounts.create', { name: 'Acme', tier: 'B', city: 'Su\uffffzhou' })).toMatchObject(invalidCharacter(['city']));
    expect(await h.fail('visits.log', { accountId: account.id, doneAt: NOW, outcome: 'ok\u001b[0m' })).toMatchObject(invalidCharacter(['outcome']));
    expect(h.snapshot()).toBe(before);
    h.db.close();
  });

  it('an import row with such a character is an invalid row in the dry run, and is skipped like one', async () => {
    const h = createHarness(tempDir());
    const file = base64('客户名称,城市,客户等级\n华东精密,苏州,A\n云栖\u001b软件,上海,B\n坏\uffff字符,上海,B\n');
    const preview = await h.call('imports.preview', { fileName: 'clients.csv', contentBase64: file });
    expect(preview.counts).toMatchObject({ new: 1, invalid: 2 });
    expect(preview.invalid).toEqual([
      { line: 3, issue: { key: 'validation.invalidCharacter', params: { column: '客户名称' } } },
      { line: 4, issue: { key: 'validation.invalidCharacter', params: { column: '客户名称' } } },
    ]);
    const applied = await h.call('imports.apply', { fileName: 'clients.csv', contentBase64: file, skipInvalid: true });
    expect(applied).toMatchObject({ imported: true, counts: { new: 1, invalid: 2 } });
    expect(h.db.prepare('SELECT name FROM accounts').pluck().all()).toEqual(['华东精密']);

    // A stray control character in a header (matched, never stored) does not make the file unimportable.
    const oddHeader = base64('客户名称,备注\u001b\n云栖软件,x\n');
    const { mapping } = await h.call('imports.preview', { fileName: 'odd.csv', contentBase64: oddHeader });
    expect(await h.call('imports.apply', { fileName: 'odd.csv', contentBase64: oddHeader, mapping })).toMatchObject({ imported: true, counts: { new: 1, invalid: 0 } });
    h.db.close();
  });
});

describe('an outbox entry with text the server cannot store', () => {
  let server: FakeSyncServer;
  const sent: Mutation[] = [];
  beforeEach(() => {
    server = new FakeSyncServer();
    server.addUser('wang', 'secret');
    sent.length = 0;
    server.rejectWhen = (mutation) => {
      sent.push(mutation);
      return null;
    };
  });
  afterEach(closeDevices);

  it('is rejected on the laptop and never sent; the changes around it sync; the inbox says why', async () => {
    const laptop = await createDevice(server);
    // Written by a version that let such text through the forms: the repo functions do not check text.
    const account = insertAccount(laptop.db, { name: '华东精密', tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: null, address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, NOW);
    const bad = insertNote(laptop.db, { accountId: account.id, visitId: null, contactId: null, body: 'met the buyer\u0000' }, NOW);
    const good = insertNote(laptop.db, { accountId: account.id, visitId: null, contactId: null, body: 'good note' }, NOW);

    const report = await syncOnce(laptop.db, laptop.connection());
    expect(report).toMatchObject({ pushed: 2, rejected: 1 });
    expect(sent.map((mutation) => mutation.rowId)).toEqual([account.id, good.id]);
    expect(countPending(laptop.db)).toBe(0);
    expect(listRejected(laptop.db)).toEqual([expect.objectContaining({ rowId: bad.id, reason: 'invalid', message: 'validation.invalidCharacter' })]);
    expect(server.liveRows('notes').map((row) => row.id)).toEqual([good.id]);
  });
});
