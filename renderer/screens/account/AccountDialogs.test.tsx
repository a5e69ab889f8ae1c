// @vitest-environment jsdom
/** Each account dialog says whom it is about. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { FamilyMember } from '../../../core/model/schemas.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { AccountDialogs, type AccountDialog } from './AccountDialogs.js';
import { ACCOUNT_ID, accountDetail, li, zhang } from './fixtures.js';

afterEach(cleanup);

const wife: FamilyMember = {
  id: '01900000-0000-7000-8000-000000000051', createdAt: '2025-06-01T02:00:00.000Z', updatedAt: '2025-06-01T02:00:00.000Z', deletedAt: null,
  contactId: li.id, name: '孙丽文', relation: 'spouse', notes: null,
};
const detail = accountDetail({ contacts: [zhang, li], family: [wife] });

async function titleOf(dialog: AccountDialog, language: 'zh-CN' | 'en'): Promise<string> {
  await renderWithApi(<AccountDialogs dialog={dialog} detail={detail} visits={[]} onClose={() => {}} />, fakeApi({}), language);
  const title = document.querySelector('.ant-modal-title')?.textContent ?? '';
  cleanup();
  return title;
}

describe('AccountDialogs', () => {
  it('names whose date or family member a new one is: the account, a contact or a family member', async () => {
    expect(await titleOf({ type: 'date', owner: { accountId: ACCOUNT_ID } }, 'zh-CN')).toBe(`为${detail.account.name}新建重要日期`);
    expect(await titleOf({ type: 'date', owner: { accountId: ACCOUNT_ID, contactId: zhang.id } }, 'zh-CN')).toBe(`为${zhang.name}新建重要日期`);
    expect(await titleOf({ type: 'date', owner: { accountId: ACCOUNT_ID, contactId: li.id, familyMemberId: wife.id } }, 'en')).toBe('New important date for 孙丽文');
    expect(await titleOf({ type: 'family', contactId: li.id }, 'zh-CN')).toBe('为李娜添加家人');
    expect(await titleOf({ type: 'family', contactId: li.id, member: wife }, 'en')).toBe('Edit 孙丽文');
  });
});
