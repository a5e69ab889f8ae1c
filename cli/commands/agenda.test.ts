// The local zone decides "today" and which day an instant falls on; fixed before any date code runs.
process.env.TZ = 'Asia/Shanghai';

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../core/i18n/translator.js';
import { openDatabase } from '../../db/openDatabase.js';
import { createService } from '../../db/service/index.js';
import { callApi } from '../../db/service/dispatch.js';
import { useTempDir } from '../../db/testing/tempDir.js';
import { main } from '../main.js';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T02:00:00.000Z'); // 10:00 in Shanghai

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env: { ROUNDS_KEY_STORE: 'file' }, now: () => NOW });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A database with one lunar leap-month birthday (→ 2026-11-25) and one overdue A account. */
async function book(): Promise<{ dataDir: string; accountId: string; contactId: string; dateId: string }> {
  const dataDir = tempDir();
  const db = openDatabase(path.join(dataDir, 'rounds.sqlite'));
  const service = createService({ db, dataDir, host: 'browser', version: 'test', now: () => NOW });
  const call = async (method: string, input: unknown) => {
    const result = await callApi(service, method, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as { id: string };
  };
  const account = await call('accounts.create', { name: '华东精密机械', tier: 'A' });
  await call('visits.log', { accountId: account.id, doneAt: '2026-10-01T03:00:00.000Z' });
  const contact = await call('contacts.create', { accountId: account.id, name: '李娜' });
  const date = await call('dates.create', { accountId: account.id, contactId: contact.id, kind: 'birthday', calendar: 'lunar', month: 10, day: 17, isLeapMonth: true, year: 1984 });
  db.close();
  return { dataDir, accountId: account.id, contactId: contact.id, dateId: date.id };
}

describe('rounds agenda', () => {
  it('prints the app’s agenda as JSON with names, ids, ISO days and the source date', async () => {
    const { dataDir, accountId, contactId, dateId } = await book();
    const { code, stdout } = await run(['--data-dir', dataDir, 'agenda', '--date', '2026-11-23', '--days', '3', '--json']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { from: string; days: Array<{ day: string; items: Array<Record<string, unknown>> }> };
    expect(printed.from).toBe('2026-11-23');
    expect(printed.days.map((day) => day.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(printed.days[0]!.items).toEqual([
      expect.objectContaining({ kind: 'revisit_overdue', accountId, accountName: '华东精密机械', contactId: null, contactName: null, source: null }),
      {
        kind: 'important_date',
        key: `date:${dateId}:2026-11-25`,
        tier: 'A',
        accountId,
        accountName: '华东精密机械',
        contactId,
        contactName: '李娜',
        occurrenceDate: '2026-11-25',
        daysUntil: 2,
        daysOverdue: 0,
        source: { calendar: 'lunar', month: 10, day: 17, isLeapMonth: true, year: 1984 },
        festivalId: null,
      },
    ]);
  });

  it('defaults to today and prints a table in Chinese, each kind named as on the Today screen', async () => {
    const { dataDir } = await book();
    const { code, stdout } = await run(['--data-dir', dataDir, 'agenda', '--lang', 'zh-CN']);
    expect(code).toBe(0);
    expect(stdout).toContain('== 2026-11-23 ==');
    const screen = translator('zh-CN', 'today');
    expect(stdout).toMatch(new RegExp(`${screen('kind.revisit_overdue')}\\s+A\\s+华东精密机械`));
    expect(stdout).toMatch(new RegExp(`${screen('kind.important_date')}\\s+A\\s+华东精密机械\\s+李娜\\s+2026-11-25\\s+1984 农历闰十月十七`));
    expect(stdout.split('\n')).toContain('类型      等级  客户          联系人  日期        来源');
  });

  it('refuses a bad date, day count or language with a usage error', async () => {
    const { dataDir } = await book();
    for (const args of [['--date', '2026-02-30'], ['--days', '0'], ['--days', 'x'], ['--lang', 'fr']]) {
      const { code, stderr } = await run(['--data-dir', dataDir, 'agenda', ...args]);
      expect(code).toBe(2);
      expect(stderr).toContain('rounds agenda');
    }
  });
});
