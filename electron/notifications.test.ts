// Digest time and quiet hours are local times; fixed before any date code runs.
process.env.TZ = 'Asia/Shanghai';

import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiMethod } from '../core/api/contract.js';
import type { Db } from '../db/connection.js';
import { openDatabase } from '../db/openDatabase.js';
import { callApi } from '../db/service/dispatch.js';
import { createService } from '../db/service/index.js';
import { useTempDir } from '../db/testing/tempDir.js';
import { FakeBrowserWindow, FakeNotification, fakePowerMonitor } from './electron-mock.js';
import { CLOCK_WATCH_MS, notificationText, startNotificationScheduler, type NotificationScheduler } from './notifications.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

const tempDir = useTempDir();
let clock: Date;
let dataDir: string;
const opened: Db[] = [];
const schedulers: NotificationScheduler[] = [];
const calls: string[] = [];

/** The service over the data folder, called as the host calls it. */
function serviceCall() {
  const db = openDatabase(path.join(dataDir, 'rounds.sqlite'));
  opened.push(db);
  const service = createService({ db, dataDir, host: 'electron', version: 'test', now: () => clock });
  return (method: ApiMethod, input: unknown) => {
    calls.push(method);
    return callApi(service, method, input);
  };
}

/** A "launch" of the app: a new connection and service over the same data folder, and the scheduler. */
function launch(window = new FakeBrowserWindow({})) {
  const call = serviceCall();
  const showWindow = vi.fn(() => window as unknown as BrowserWindow);
  const scheduler = startNotificationScheduler({ call, showWindow, now: () => clock });
  schedulers.push(scheduler);
  return { scheduler, call, showWindow, window };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  clock = new Date('2026-11-23T02:00:00.000Z'); // 10:00 in Shanghai, after the 08:30 digest
  dataDir = tempDir();
  FakeNotification.shown = [];
  calls.length = 0;
});

afterEach(() => {
  for (const scheduler of schedulers.splice(0)) scheduler.stop();
  for (const db of opened.splice(0)) db.close();
  vi.useRealTimers();
});

async function plannedVisit(call: (method: ApiMethod, input: unknown) => Promise<unknown>) {
  const account = (await call('accounts.create', { name: '华东精密机械', tier: 'A' })) as { ok: true; value: { id: string } };
  const visit = (await call('visits.plan', { accountId: account.value.id, plannedAt: '2026-11-23T12:00:00+08:00' })) as { ok: true; value: { id: string } };
  return { accountId: account.value.id, visitId: visit.value.id };
}

describe('the notification scheduler', () => {
  it('shows the digest in the user’s language once, and not again after a restart', async () => {
    const setup = serviceCall();
    await setup('settings.update', { language: 'en' });
    await plannedVisit(setup);
    const first = launch();
    await first.scheduler.check();
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([{ title: 'Rounds — today', body: '1 to do · 1 planned visit' }]);
    await first.scheduler.check();
    expect(FakeNotification.shown).toHaveLength(1);
    first.scheduler.stop();

    const second = launch();
    await second.scheduler.check();
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('reminds of a visit and opens it in the window on click', async () => {
    const app = launch();
    await app.scheduler.check(); // today's digest (empty: nothing shown, but decided)
    const { accountId, visitId } = await plannedVisit(app.call);
    await app.scheduler.check();
    expect(FakeNotification.shown).toHaveLength(0);
    clock = new Date('2026-11-23T03:01:00.000Z'); // 11:01, an hour before the visit
    await app.scheduler.check();
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['拜访：华东精密机械']);
    FakeNotification.shown[0]!.click();
    expect(app.showWindow).toHaveBeenCalledTimes(1);
    expect(app.window.webContents.send).toHaveBeenCalledWith('rounds:navigate', { screen: 'account', accountId, visitId });
  });

  it('asks again on resume, on unlock and when the wall clock jumps', async () => {
    const app = launch();
    await app.scheduler.check();
    const asked = () => calls.filter((method) => method === 'notifications.due').length;
    const before = asked();
    fakePowerMonitor.emit('resume');
    await app.scheduler.check();
    expect(asked()).toBeGreaterThan(before);

    const afterResume = asked();
    clock = new Date(clock.getTime() + 3 * 3_600_000); // the clock moved three hours at once
    await vi.advanceTimersByTimeAsync(CLOCK_WATCH_MS);
    expect(asked()).toBeGreaterThan(afterResume);
  });

  it('stops listening when stopped', async () => {
    const app = launch();
    await app.scheduler.check();
    app.scheduler.stop();
    expect(fakePowerMonitor.listeners.get('resume')?.size ?? 0).toBe(0);
    const asked = calls.length;
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(calls.length).toBe(asked);
  });
});

describe('notification text, from the locale resources', () => {
  const digest = { key: 'digest-2026-03-02', kind: 'digest' as const, digest: { total: 4, complaints: 1, visits: 2, overdue: 0, dates: 1 }, visit: null };
  const visit = { key: 'visit-v1', kind: 'visit' as const, digest: null, visit: { id: 'v1', accountId: 'a1', accountName: '中石化华东', plannedAt: '2026-03-02T06:30:00.000Z' } };

  it('says the digest and a visit in Chinese and in English, counts in the right number, times on a 24-hour clock', () => {
    expect(notificationText(digest as never, 'zh-CN')).toEqual({ title: '巡访 — 今日待办', body: '共 4 项 · 投诉 1 · 计划拜访 2 · 重要日子 1' });
    expect(notificationText(digest as never, 'en')).toEqual({ title: 'Rounds — today', body: '4 to do · 1 complaint · 2 planned visits · 1 date' });
    expect(notificationText(visit as never, 'zh-CN')).toEqual({ title: '拜访：中石化华东', body: '计划时间 14:30' });
    expect(notificationText(visit as never, 'en')).toEqual({ title: 'Visit: 中石化华东', body: 'Planned at 14:30' });
  });

  it('shows nothing for an empty digest', () => {
    expect(notificationText({ ...digest, digest: { total: 0, complaints: 0, visits: 0, overdue: 0, dates: 0 } } as never, 'en')).toBeNull();
  });
});
