// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ACCOUNT_ID, li, plannedVisit, zhang } from '../../screens/account/fixtures.js';
import { VisitLogDialog } from './VisitLogDialog.js';

const NOW = new Date(2025, 6, 2, 10, 30);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('VisitLogDialog', () => {
  it('completes a planned visit with who was met, the outcome and a note', async () => {
    const onClose = vi.fn();
    const api = fakeApi({ 'visits.log': async () => ({ ...plannedVisit, status: 'done' as const }) });
    await renderWithApi(
      <VisitLogDialog open accountId={ACCOUNT_ID} accountName="中国石油华东分公司" contacts={[zhang, li]} visit={plannedVisit} onClose={onClose} />,
      api,
      'en',
    );

    fireEvent.mouseDown(screen.getByLabelText('Who was met'));
    const dropdown = document.querySelector<HTMLElement>('.ant-select-dropdown')!;
    fireEvent.click(await within(dropdown).findByTitle('张伟 · 采购总监'));
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: '  Agreed on the Q3 order  ' } });
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: 'Likes 普洱 tea' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['visits.log']).toHaveBeenCalledWith({
      visitId: plannedVisit.id,
      accountId: ACCOUNT_ID,
      kind: 'executive',
      // planned earlier today: done at the planned time unless the rep changes it
      doneAt: plannedVisit.plannedAt,
      metContactIds: [zhang.id],
      outcome: 'Agreed on the Q3 order',
      nextStep: null,
      nextVisitDate: null,
      note: 'Likes 普洱 tea',
    });
  });

  it('keeps the dialog open and shows the API field message when the service refuses', async () => {
    const { ApiError } = await import('../../../core/api/errors.js');
    const onClose = vi.fn();
    const api = fakeApi({
      'visits.log': async () => {
        throw new ApiError('validation', { issues: [{ path: ['outcome'], message: 'validation.tooLong' }] });
      },
    });
    await renderWithApi(<VisitLogDialog open accountId={ACCOUNT_ID} accountName="中国石油华东分公司" contacts={[]} onClose={onClose} />, api, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('Too long')).not.toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });
});
