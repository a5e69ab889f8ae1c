// @vitest-environment jsdom
/**
 * The visit dialogs record the truth: a planned visit is done at its planned time unless the rep says
 * otherwise (never silently "now", never in the future), quick log completes today's planned visit
 * instead of adding a second one, planned visits move and done visits are corrected with their history —
 * and each dialog says whose visit it is and when it was planned.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Visit } from '../../../core/model/schemas.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { VisitLogDialog } from '../../components/log/VisitLogDialog.js';
import { QuickLogDialog } from '../../components/log/QuickLogDialog.js';
import { ACCOUNT_ID, accountDetail, li, plannedVisit, zhang } from './fixtures.js';
import { RescheduleVisitDialog } from './RescheduleVisitDialog.js';
import { CorrectVisitDialog } from './CorrectVisitDialog.js';
import { VisitHistoryDialog } from './VisitHistoryDialog.js';

const ACCOUNT = '中国石油华东分公司';
// Wednesday 2 July 2025, 10:30 on the laptop's clock
const NOW = new Date(2025, 6, 2, 10, 30);
const FRIDAY = new Date(2025, 6, 4, 14, 0);
const THIS_MORNING = new Date(2025, 6, 2, 9, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const planned = (at: Date): Visit => ({ ...plannedVisit, plannedAt: at.toISOString() });
const doneVisit: Visit = {
  ...plannedVisit,
  status: 'done',
  plannedAt: null,
  doneAt: new Date(2025, 6, 1, 15, 0).toISOString(),
  metContactIds: [zhang.id],
  outcome: '谈了三季度订单',
  purpose: null,
};

describe('logging a planned visit as done', () => {
  it('names the account, the key contact and the planned time, and starts at the planned time', async () => {
    const api = fakeApi({ 'visits.log': async () => ({ ...plannedVisit, status: 'done' as const }) });
    const onClose = vi.fn();
    await renderWithApi(
      <VisitLogDialog open accountId={ACCOUNT_ID} accountName={ACCOUNT} contacts={[zhang, li]} visit={planned(THIS_MORNING)} onClose={onClose} />,
      api,
      'en',
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(`Log as done: the visit to ${ACCOUNT}`)).toBeTruthy();
    const subject = within(dialog).getByTestId('dialog-subject');
    expect(subject.textContent).toContain(ACCOUNT);
    expect(subject.textContent).toContain('Executive visit planned for Wednesday, Jul 2, 2025, 09:00');
    expect(subject.textContent).toContain('Key contacts: 张伟');
    expect((screen.getByLabelText('Done at') as HTMLInputElement).value).toBe('2025-07-02 09:00');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['visits.log']).toHaveBeenCalledWith(expect.objectContaining({ visitId: plannedVisit.id, doneAt: THIS_MORNING.toISOString() }));
  });

  it('cannot complete on Wednesday a visit planned for Friday until the rep picks the day it took place', async () => {
    const api = fakeApi({ 'visits.log': async () => ({ ...plannedVisit, status: 'done' as const }) });
    const onClose = vi.fn();
    await renderWithApi(
      <VisitLogDialog open accountId={ACCOUNT_ID} accountName={ACCOUNT} contacts={[zhang]} visit={planned(FRIDAY)} onClose={onClose} />,
      api,
      'zh-CN',
    );
    expect(screen.getByTestId('dialog-subject').textContent).toContain('计划于 2025年7月4日 星期五 14:00');
    expect((screen.getByLabelText('完成时间') as HTMLInputElement).value).toBe('2025-07-04 14:00');
    expect(screen.getByText('计划时间还没到：请选择实际拜访的日期和时间。')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('完成时间不能晚于现在')).toBeTruthy();
    expect(api['visits.log']).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();

    // the rep says it took place this morning
    const field = screen.getByLabelText('完成时间') as HTMLInputElement;
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: '2025-07-02 09:00' } });
    fireEvent.keyDown(field, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(field.value).toBe('2025-07-02 09:00'));
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['visits.log']).toHaveBeenCalledWith(expect.objectContaining({ visitId: plannedVisit.id, doneAt: THIS_MORNING.toISOString() }));
  });

  it('shows the service’s refusal of a done time in the future on the field, translated', async () => {
    const { ApiError } = await import('../../../core/api/errors.js');
    const api = fakeApi({
      'visits.log': async () => {
        throw new ApiError('validation', { issues: [{ path: ['doneAt'], message: 'validation.inFuture' }], params: { field: 'doneAt' } });
      },
    });
    await renderWithApi(<VisitLogDialog open accountId={ACCOUNT_ID} accountName={ACCOUNT} contacts={[]} onClose={vi.fn()} />, api, 'en');
    expect(screen.getByText(`Log a visit to ${ACCOUNT}`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('Done at cannot be later than now')).not.toHaveLength(0);
  });
});

describe('quick log on an account with a visit planned today', () => {
  const plannedToday = { ...planned(new Date(2025, 6, 2, 14, 0)), accountName: ACCOUNT, tier: 'A' as const };

  it('offers to complete that visit, at its planned time, instead of creating a second one', async () => {
    vi.setSystemTime(new Date(2025, 6, 2, 16, 0));
    const onClose = vi.fn();
    const api = fakeApi({
      'accounts.get': async () => accountDetail(),
      'visits.upcoming': async () => [plannedToday],
      'visits.log': async () => ({ ...plannedVisit, status: 'done' as const }),
    });
    await renderWithApi(<QuickLogDialog open accountId={ACCOUNT_ID} onClose={onClose} />, api, 'en');
    expect(await screen.findByText(`Log a visit or note: ${ACCOUNT}`)).toBeTruthy();
    expect(await screen.findByText('This visit is planned for today at 14:00. Is it the one you are logging?')).toBeTruthy();
    expect(screen.getByTestId('dialog-subject').textContent).toContain('planned for Wednesday, Jul 2, 2025, 14:00');
    expect((screen.getByRole('radio', { name: 'Log that planned visit as done' }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect((screen.getByLabelText('Done at') as HTMLInputElement).value).toBe('2025-07-02 14:00'));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['visits.log']).toHaveBeenCalledWith(
      expect.objectContaining({ visitId: plannedVisit.id, accountId: ACCOUNT_ID, kind: 'executive', doneAt: plannedToday.plannedAt }),
    );
  });

  it('logs a second visit only when the rep says it was another one', async () => {
    const onClose = vi.fn();
    const api = fakeApi({
      'accounts.get': async () => accountDetail(),
      'visits.upcoming': async () => [plannedToday],
      'visits.log': async () => ({ ...plannedVisit, status: 'done' as const }),
    });
    await renderWithApi(<QuickLogDialog open accountId={ACCOUNT_ID} onClose={onClose} />, api, 'en');
    fireEvent.click(await screen.findByRole('radio', { name: 'Log another visit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['visits.log']).toHaveBeenCalledWith(expect.not.objectContaining({ visitId: expect.anything() }));
    expect(api['visits.log']).toHaveBeenCalledWith(expect.objectContaining({ doneAt: NOW.toISOString() }));
  });
});

describe('rescheduling a planned visit', () => {
  it('says whose visit and when it was planned, and moves it to the time picked', async () => {
    const onClose = vi.fn();
    const api = fakeApi({ 'visits.reschedule': async () => planned(new Date(2025, 6, 7, 10, 0)) });
    await renderWithApi(<RescheduleVisitDialog open accountName={ACCOUNT} contacts={[zhang]} visit={planned(FRIDAY)} onClose={onClose} />, api, 'en');
    expect(screen.getByText(`Reschedule the visit to ${ACCOUNT}`)).toBeTruthy();
    expect(screen.getByTestId('dialog-subject').textContent).toContain('planned for Friday, Jul 4, 2025, 14:00');

    const field = screen.getByLabelText('New date and time') as HTMLInputElement;
    expect(field.value).toBe('2025-07-04 14:00');
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: '2025-07-07 10:00' } });
    fireEvent.keyDown(field, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(field.value).toBe('2025-07-07 10:00'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['visits.reschedule']).toHaveBeenCalledWith({ id: plannedVisit.id, plannedAt: new Date(2025, 6, 7, 10, 0).toISOString() });
  });
});

describe('correcting a done visit', () => {
  it('starts from its record and saves the corrected record, without a note', async () => {
    const onClose = vi.fn();
    const api = fakeApi({ 'visits.edit': async () => doneVisit });
    await renderWithApi(
      <CorrectVisitDialog open accountId={ACCOUNT_ID} accountName={ACCOUNT} contacts={[zhang, li]} visit={doneVisit} onClose={onClose} />,
      api,
      'en',
    );
    expect(screen.getByText(`Correct the visit to ${ACCOUNT}`)).toBeTruthy();
    expect(screen.getByTestId('dialog-subject').textContent).toContain('Executive visit done Tuesday, Jul 1, 2025, 15:00');
    expect(screen.getByTestId('dialog-subject').textContent).toContain('Met: 张伟');
    expect(screen.queryByLabelText('Note (optional)')).toBeNull();
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: '谈了三季度订单，李娜也在' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['visits.edit']).toHaveBeenCalledWith({
      id: doneVisit.id,
      kind: 'executive',
      doneAt: doneVisit.doneAt,
      metContactIds: [zhang.id],
      outcome: '谈了三季度订单，李娜也在',
      nextStep: null,
      nextVisitDate: null,
    });
  });

  it('lists every record the visit has had, newest first', async () => {
    const record = { kind: 'executive' as const, doneAt: doneVisit.doneAt, metContactIds: [zhang.id], outcome: '谈了三季度订单', nextStep: null, nextVisitDate: null };
    const api = fakeApi({
      'visits.revisions': async () => [
        { visitId: doneVisit.id, revision: 2, createdAt: NOW.toISOString(), record: { ...record, metContactIds: [zhang.id, li.id], outcome: '李娜也在' } },
        { visitId: doneVisit.id, revision: 1, createdAt: doneVisit.updatedAt, record },
      ],
    });
    await renderWithApi(<VisitHistoryDialog open accountName={ACCOUNT} contacts={[zhang, li]} visit={doneVisit} onClose={vi.fn()} />, api, 'zh-CN');
    expect(screen.getByText(`${ACCOUNT} 拜访记录的修改历史`)).toBeTruthy();
    const versions = await screen.findAllByText(/^第 \d 版/);
    expect(versions.map((v) => /^第 \d 版/.exec(v.textContent ?? '')?.[0])).toEqual(['第 2 版', '第 1 版']);
    expect(screen.getByText('张伟、李娜')).toBeTruthy();
    expect(screen.getByText('李娜也在')).toBeTruthy();
  });
});
